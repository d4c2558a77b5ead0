package com.aggpay.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The delivery of a batch of events published straight onto the topic (their ids share a prefix): when each event
 * first reached its endpoint, counted from an origin (the start of publishing, or the end of an outage), how many
 * arrived per second, and how many arrived again.
 */
final class Drain {

    /** Enough seconds for any drain a run waits for; later arrivals still count, in the last second's bucket. */
    private static final int MAX_SECONDS = 3600;

    /**
     * @param firstMillis   origin to the first delivery; -1 when none arrived
     * @param lastMillis    origin to the last first-delivery; -1 when none arrived
     * @param perSecond     first deliveries in each second after the origin, up to the last non-empty one
     * @param sinceOrigin   origin → first delivery of each event, in microseconds
     */
    record Summary(int expected, long received, long deliveries, long duplicates, long firstMillis,
                   long lastMillis, long[] perSecond, Histogram sinceOrigin) {

        /** Events per second from the origin to the last delivery: how long the whole batch took. */
        double wholeRate() {
            return lastMillis <= 0 ? 0 : received * 1000.0 / lastMillis;
        }

        /** Events per second from the first delivery to the last: the rate while deliveries flowed. */
        double flowRate() {
            return lastMillis <= firstMillis ? 0 : (received - 1) * 1000.0 / (lastMillis - firstMillis);
        }

        long peakSecond() {
            return Arrays.stream(perSecond).max().orElse(0);
        }

        /** The median of the full seconds between the first and the last delivery (both partial, so left out). */
        long medianFullSecond() {
            if (firstMillis < 0) {
                return 0;
            }
            List<Long> full = new ArrayList<>();
            for (int s = (int) (firstMillis / 1000) + 1; s < lastMillis / 1000; s++) {
                full.add(perSecond[s]);
            }
            if (full.isEmpty()) {
                return 0;
            }
            full.sort(null);
            return full.get(full.size() / 2);
        }
    }

    private final String eventPrefix;
    private final int expected;
    private volatile long origin;
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final AtomicLongArray perSecond = new AtomicLongArray(MAX_SECONDS);

    Drain(String eventPrefix, int expected, long originNanos) {
        this.eventPrefix = eventPrefix;
        this.expected = expected;
        this.origin = originNanos;
    }

    boolean owns(String eventId) {
        return eventId != null && eventId.startsWith(eventPrefix);
    }

    /** Moves the origin (e.g. to the moment an outage ended); only before any delivery arrived. */
    void startClockAt(long originNanos) {
        this.origin = originNanos;
    }

    void arrived(String eventId, long nanos) {
        deliveries.increment();
        if (firstArrival.putIfAbsent(eventId, nanos) != null) {
            duplicates.increment();
            return;
        }
        int second = (int) Math.min(MAX_SECONDS - 1, Math.max(0, (nanos - origin) / 1_000_000_000L));
        perSecond.incrementAndGet(second);
    }

    long received() {
        return firstArrival.size();
    }

    boolean complete() {
        return firstArrival.size() >= expected;
    }

    Summary summary() {
        Histogram since = new Histogram(3);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long at : firstArrival.values()) {
            long micros = Math.max(0, at - origin) / 1000;
            since.recordValue(micros);
            first = Math.min(first, micros);
            last = Math.max(last, micros);
        }
        boolean none = firstArrival.isEmpty();
        int seconds = none ? 0 : (int) Math.min(MAX_SECONDS, last / 1_000_000 + 1);
        long[] counts = new long[seconds];
        for (int s = 0; s < seconds; s++) {
            counts[s] = perSecond.get(s);
        }
        return new Summary(expected, firstArrival.size(), deliveries.sum(), duplicates.sum(),
                none ? -1 : first / 1000, none ? -1 : last / 1000, counts, since);
    }
}
