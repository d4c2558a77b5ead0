package com.aggpay.router.routing.health;

import com.aggpay.router.routing.WindowStats;
import com.aggpay.router.routing.health.HealthWindows.ChannelHealthSnapshot;
import com.aggpay.router.routing.health.ReplicaOutcomes.ChannelOutcomes;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The last {@code capacity} attempt outcomes no older than {@code maxAgeMillis}, as a ring buffer. Every method holds
 * the window's own monitor: windows are small and a lock per window keeps channels from contending with each other.
 */
final class OutcomeWindow {

    private final long maxAgeMillis;
    private final long[] at;
    private final long[] latencyMs;
    private final boolean[] success;
    private int oldest;
    private int count;
    private int successes; // kept alongside, so routing reads are O(1) apart from eviction

    OutcomeWindow(int capacity, long maxAgeMillis) {
        this.maxAgeMillis = maxAgeMillis;
        this.at = new long[capacity];
        this.latencyMs = new long[capacity];
        this.success = new boolean[capacity];
    }

    synchronized void add(long now, boolean ok, long latency) {
        if (count == at.length) {
            dropOldest();
        }
        int slot = (oldest + count) % at.length;
        at[slot] = now;
        success[slot] = ok;
        latencyMs[slot] = Math.max(latency, 0);
        count++;
        if (ok) {
            successes++;
        }
    }

    synchronized WindowStats stats(long now) {
        evict(now);
        return new WindowStats(count, successes);
    }

    /** Latency percentiles cover failures too: a channel that times out is slow, not absent. */
    synchronized ChannelHealthSnapshot snapshot(long now) {
        evict(now);
        if (count == 0) {
            return new ChannelHealthSnapshot(0, 0.0, 0, 0, 0);
        }
        long[] sorted = new long[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = latencyMs[(oldest + i) % at.length];
        }
        Arrays.sort(sorted);
        return new ChannelHealthSnapshot(count, (double) successes / count,
                percentile(sorted, 500), percentile(sorted, 950), percentile(sorted, 990));
    }

    /**
     * The snapshot with the other replicas' outcomes added. Their latencies come as {@link LatencyBuckets}, so the
     * percentiles of the whole are read from buckets too: approximate, where {@link #snapshot} is exact.
     */
    synchronized ChannelHealthSnapshot snapshotWith(long now, ChannelOutcomes others) {
        evict(now);
        NavigableMap<Integer, Long> buckets = new TreeMap<>(others.latencyBuckets());
        for (int i = 0; i < count; i++) {
            buckets.merge(LatencyBuckets.index(latencyMs[(oldest + i) % at.length]), 1L, Long::sum);
        }
        int samples = count + others.samples();
        return new ChannelHealthSnapshot(samples, (double) (successes + others.successes()) / samples,
                LatencyBuckets.percentile(buckets, 500), LatencyBuckets.percentile(buckets, 950),
                LatencyBuckets.percentile(buckets, 990));
    }

    /** Nearest rank, in per mille so that the rank is exact integer arithmetic. */
    private static long percentile(long[] sorted, int perMille) {
        int rank = (int) (((long) perMille * sorted.length + 999) / 1000);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Outcomes arrive in clock order, so the expired ones are all at the old end. */
    private void evict(long now) {
        while (count > 0 && now - at[oldest] > maxAgeMillis) {
            dropOldest();
        }
    }

    private void dropOldest() {
        if (success[oldest]) {
            successes--;
        }
        oldest = (oldest + 1) % at.length;
        count--;
    }
}
