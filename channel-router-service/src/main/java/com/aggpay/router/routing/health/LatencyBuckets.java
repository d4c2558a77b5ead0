package com.aggpay.router.routing.health;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Latencies as log-spaced buckets 10 % wide: what replicas share instead of every single latency (a per-second
 * Redis hash holds counts, not lists). A percentile read from buckets is the bucket's geometric middle, within about
 * 5 % of the exact nearest-rank value (and to the millisecond below 10 ms).
 */
final class LatencyBuckets {

    private static final double LOG_WIDTH = Math.log(1.1);

    private LatencyBuckets() {
    }

    /** Bucket {@code i} holds latencies in (1.1^(i-1), 1.1^i] ms; bucket 0 everything up to 1 ms. */
    static int index(long latencyMs) {
        return latencyMs <= 1 ? 0 : (int) Math.ceil(Math.log(latencyMs) / LOG_WIDTH - 1e-9);
    }

    static long value(int index) {
        return Math.round(Math.exp((index - 0.5) * LOG_WIDTH));
    }

    static void add(NavigableMap<Integer, Long> into, Map<Integer, Long> counts) {
        counts.forEach((bucket, n) -> into.merge(bucket, n, Long::sum));
    }

    /** Nearest rank over the bucketed counts, in per mille as {@link OutcomeWindow} does it over exact latencies. */
    static long percentile(NavigableMap<Integer, Long> counts, int perMille) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long rank = Math.max(((long) perMille * total + 999) / 1000, 1);
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return value(bucket.getKey());
            }
        }
        return 0;
    }
}
