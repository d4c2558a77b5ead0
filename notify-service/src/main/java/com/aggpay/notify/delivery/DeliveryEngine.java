package com.aggpay.notify.delivery;

import com.aggpay.notify.store.Lease;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers webhook events, each attempt under a {@link Bulkhead} slot of its endpoint and a lease in the database.
 * <ul>
 *   <li>Fresh events: the intake stores them already leased to this engine ({@link #leaseForIntake}) and hands them
 *   over the moment they are committed ({@link #deliverStored}); no scan stands between a payment and its webhook.
 *   Those whose endpoint has no free slot wait briefly in memory and start as soon as the endpoint answers another
 *   request (see {@link Dispatcher}).</li>
 *   <li>Everything else is found by scanning the database ({@link DueScan}): retries when they fall due, events
 *   given back, events of other or crashed instances, resends. Scans run when a retry falls due, when a slot frees
 *   up while a backlog waits, and at the latest every {@code scanInterval} (see {@link ScanClock}).</li>
 * </ul>
 * Several instances can run side by side: the lease makes each attempt theirs alone, and a crashed instance's
 * leases simply expire.
 */
public class DeliveryEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
    /** Scans asked for by retries or freed slots run at most this often (and less often when they are slow). */
    static final Duration MIN_SCAN_GAP = Duration.ofMillis(50);

    private final Dispatcher dispatcher;
    private final DueScan dueScan;
    private final ScanClock scanClock;
    private final Duration lease;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong claimSeq = new AtomicLong();
    private volatile Thread scanner;

    DeliveryEngine(WebhookEvents events, Bulkhead bulkhead, Deliverer deliverer, DeliveryMetrics metrics,
                   Map<Bulkhead.Lane, Executor> prepareExecutors, WaitingRoom waitingRoom,
                   Duration scanInterval, Duration lease, int maxCandidates, Clock clock) {
        this.scanClock = new ScanClock(scanInterval, MIN_SCAN_GAP);
        Backlog backlog = new Backlog();
        this.dispatcher = new Dispatcher(events, bulkhead, deliverer, prepareExecutors, waitingRoom, backlog,
                scanClock, lease, clock);
        this.dueScan = new DueScan(events, bulkhead, backlog, dispatcher, scanClock, metrics, scanInterval, lease,
                maxCandidates, clock, this::newOwner);
        this.lease = lease;
        this.clock = clock;
    }

    /** The lease under which the intake stores a batch, so that its events are this engine's once committed. */
    public Lease leaseForIntake() {
        return new Lease(newOwner(), clock.instant().plus(lease));
    }

    /**
     * Starts the attempts of events the intake has just stored under {@code owner}: the rows exactly as inserted,
     * so nothing is read back.
     */
    public void deliverStored(List<WebhookEventRow> stored, String owner) {
        dispatcher.dispatchFresh(stored, owner, isRunning());
    }

    /** Asks for a scan now, e.g. after a resend made an event due. */
    public void scanSoon() {
        scanClock.scanSoon();
    }

    /** One scan; public so that tests and an operator hook can drive it. Returns how many attempts it started. */
    public int scanOnce() {
        return dueScan.run();
    }

    private String newOwner() {
        return instanceId + "#" + claimSeq.incrementAndGet();
    }

    private void scanLoop() {
        while (scanner == Thread.currentThread()) {
            try {
                scanClock.awaitTurn();
            } catch (InterruptedException e) {
                return;
            }
            try {
                dueScan.run();
            } catch (RuntimeException e) {
                log.error("event=WEBHOOK_SCAN_FAILED", e);
            } finally {
                scanClock.scanDone();
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::scanLoop, "webhook-scan");
        thread.setDaemon(true);
        scanner = thread;
        thread.start();
        scanClock.scanSoon(); // whatever an earlier run left behind
        log.info("event=WEBHOOK_ENGINE_STARTED instance={}", instanceId);
    }

    @Override
    public void stop() {
        Thread thread = scanner;
        scanner = null;
        if (thread != null) {
            thread.interrupt();
            // In-flight attempts finish on their own or their leases expire and another instance repeats them.
            dispatcher.giveBackAllWaiting();
        }
    }

    @Override
    public boolean isRunning() {
        return scanner != null;
    }

    /**
     * Starts before and stops after the Kafka listener containers (phase {@code Integer.MAX_VALUE - 100}), which
     * hand it fresh events; stops before the web server and the datasource go away.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}
