package com.aggpay.notify.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When the delivery loop scans the database next. At the latest one {@code interval} after the previous scan (for
 * events of other instances, expired leases and resends elsewhere); earlier when asked: when a retry falls due, or
 * when a slot frees up while a backlog waits. Requests that arrive during a scan make one more scan right after it.
 *
 * <p>Scans keep a gap between them: at least {@code minGap}, and {@value #DUTY_FACTOR} times as long as the previous
 * scan took, up to {@link #MAX_DUTY_GAP}. A scan that finds nothing due costs well under a millisecond, so the gap is
 * {@code minGap}; one that has to step over a large backlog of a saturated endpoint (~12 ms for 100 000 due rows)
 * takes at most a sixth of the time, so a stream of requests never turns into a stream of expensive queries. The cap
 * keeps a scan that was only slow because the machine was busy from holding up the next one for long.
 */
final class ScanClock {

    static final int DUTY_FACTOR = 5;
    static final Duration MAX_DUTY_GAP = Duration.ofMillis(250);

    private final long intervalNanos;
    private final long minGapNanos;
    private long started;
    private long notBefore;
    private long next;

    ScanClock(Duration interval, Duration minGap) {
        this.intervalNanos = interval.toNanos();
        this.minGapNanos = minGap.toNanos();
        long now = System.nanoTime();
        this.started = now;
        this.notBefore = now;
        this.next = now + intervalNanos;
    }

    /** A scan no later than {@code delay} from now, unless the gap after the previous scan forbids it. */
    synchronized void scanWithin(Duration delay) {
        long at = Math.max(System.nanoTime() + Math.max(0, delay.toNanos()), notBefore);
        if (at - next < 0) {
            next = at;
            notifyAll();
        }
    }

    void scanSoon() {
        scanWithin(Duration.ZERO);
    }

    /** Blocks until the next scan is due, then counts it as started. */
    synchronized void awaitTurn() throws InterruptedException {
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
        started = System.nanoTime();
        notBefore = started + minGapNanos;
        next = started + intervalNanos;
    }

    /** The scan {@link #awaitTurn} let start is over: the gap after it grows with how long it took. */
    synchronized void scanDone() {
        long now = System.nanoTime();
        notBefore = Math.max(notBefore, now + Math.min(DUTY_FACTOR * (now - started), MAX_DUTY_GAP.toNanos()));
        if (next - notBefore < 0) {
            next = notBefore;
        }
    }
}
