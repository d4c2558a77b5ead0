package com.aggpay.notify.delivery;

import com.aggpay.notify.store.DueEvent;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The delivery loop. Every scan it asks the database for due events of merchants that still have a free slot
 * (healthy merchants and suspect merchants separately, see {@link Bulkhead}), takes a slot per event, leases
 * the events to this instance with a conditional update, and starts their attempts without waiting for them.
 * Events it could not take stay in the database for the next scan. Several instances can run side by side:
 * the lease makes each attempt theirs alone, and a crashed instance's leases simply expire.
 */
public class DeliveryEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final int MAX_IDS_IN_FILTER = 5_000;

    private final WebhookEvents events;
    private final Bulkhead bulkhead;
    private final Deliverer deliverer;
    private final DeliveryMetrics metrics;
    private final Map<Bulkhead.Lane, Executor> prepareExecutors;
    private final Duration scanInterval;
    private final Duration lease;
    private final int maxCandidates;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong claimSeq = new AtomicLong();
    private volatile ScheduledExecutorService scanner;
    private volatile Instant lastBacklogCount = Instant.EPOCH;

    public DeliveryEngine(WebhookEvents events, Bulkhead bulkhead, Deliverer deliverer, DeliveryMetrics metrics,
                          Map<Bulkhead.Lane, Executor> prepareExecutors, Duration scanInterval, Duration lease,
                          int maxCandidates, Clock clock) {
        this.events = events;
        this.bulkhead = bulkhead;
        this.deliverer = deliverer;
        this.metrics = metrics;
        this.prepareExecutors = prepareExecutors;
        this.scanInterval = scanInterval;
        this.lease = lease;
        this.maxCandidates = maxCandidates;
        this.clock = clock;
    }

    /** One scan; public so that tests and an operator hook can drive it. Returns how many attempts it started. */
    public int scanOnce() {
        Instant now = clock.instant();
        countBacklogNow(now);
        Set<String> suspects = bulkhead.suspects();
        Set<String> saturated = bulkhead.saturated();
        int started = 0;
        // Healthy lane: everyone who is not suspect and not saturated.
        if (bulkhead.free(Bulkhead.Lane.HEALTHY) > 0) {
            Set<String> exclude = new HashSet<>(saturated);
            exclude.addAll(suspects);
            started += dispatch(Bulkhead.Lane.HEALTHY, now, exclude, null);
        }
        // Suspect lane: only suspects with a free slot, from their own small pool.
        Set<String> eligibleSuspects = new HashSet<>(suspects);
        eligibleSuspects.removeAll(saturated);
        if (bulkhead.free(Bulkhead.Lane.SUSPECT) > 0 && !eligibleSuspects.isEmpty()) {
            started += dispatch(Bulkhead.Lane.SUSPECT, now, null, eligibleSuspects);
        }
        return started;
    }

    private int dispatch(Bulkhead.Lane lane, Instant now, Collection<String> exclude, Collection<String> only) {
        int free = bulkhead.free(lane);
        List<DueEvent> due = events.findDue(now, cap(exclude), cap(only), Math.min(maxCandidates, free * 4));
        Map<Long, Bulkhead.Ticket> tickets = new HashMap<>();
        for (DueEvent candidate : due) {
            if (bulkhead.laneOf(candidate.mchNo()) != lane) {
                continue; // health changed since the query; the other lane's pass or the next scan takes it
            }
            bulkhead.tryAcquire(candidate.mchNo()).ifPresent(ticket -> tickets.put(candidate.id(), ticket));
            if (bulkhead.free(lane) == 0) {
                break;
            }
        }
        if (tickets.isEmpty()) {
            return 0;
        }
        String owner = instanceId + "#" + claimSeq.incrementAndGet();
        List<WebhookEventRow> claimed;
        try {
            claimed = events.claim(new ArrayList<>(tickets.keySet()), owner, now, lease);
        } catch (RuntimeException e) {
            tickets.values().forEach(bulkhead::release);
            throw e;
        }
        for (WebhookEventRow event : claimed) {
            Bulkhead.Ticket ticket = tickets.remove(event.id);
            try {
                deliverer.deliver(event, owner, prepareExecutors.get(ticket.lane()))
                        .whenComplete((ok, error) -> {
                            bulkhead.release(ticket);
                            if (error != null) {
                                log.error("event=WEBHOOK_RECORD_FAILED event_id={} (lease expires, attempt repeats)",
                                        event.eventId, error);
                            }
                        });
            } catch (RuntimeException rejected) { // executors refuse work while shutting down
                bulkhead.release(ticket);
                log.warn("event=WEBHOOK_ATTEMPT_NOT_STARTED event_id={} (lease expires, attempt repeats)", event.eventId);
            }
        }
        // Another instance won these between our query and our claim.
        tickets.values().forEach(bulkhead::release);
        return claimed.size();
    }

    /** Bounds the SQL IN list; beyond it the filter is incomplete, which costs only scan efficiency. */
    private static Collection<String> cap(Collection<String> merchants) {
        if (merchants == null || merchants.size() <= MAX_IDS_IN_FILTER) {
            return merchants;
        }
        return merchants.stream().limit(MAX_IDS_IN_FILTER).toList();
    }

    private void countBacklogNow(Instant now) {
        if (Duration.between(lastBacklogCount, now).toSeconds() >= 5) {
            lastBacklogCount = now;
            metrics.dueBacklog(events.countDue(now));
        }
    }

    private void safeScan() {
        try {
            scanOnce();
        } catch (RuntimeException e) {
            log.error("event=WEBHOOK_SCAN_FAILED", e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-scan");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::safeScan, scanInterval.toMillis(), scanInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        scanner = executor;
        log.info("event=WEBHOOK_ENGINE_STARTED instance={}", instanceId);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scanner;
        scanner = null;
        if (executor != null) {
            // In-flight attempts finish on their own or their leases expire and another instance repeats them.
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scanner != null;
    }

    @Override
    public int getPhase() {
        // stop before the web server and the datasource go away
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
