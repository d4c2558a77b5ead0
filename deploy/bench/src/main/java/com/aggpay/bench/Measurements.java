package com.aggpay.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the measured window produced: latencies in microseconds (auto-resizing, so no answer is too slow to record)
 * and outcome counts. Only arrivals whose intended start lies in the measured window are recorded here. The
 * histograms hold every answer, whatever its status, and every timeout (at the time it gave up, a lower bound);
 * failures without an answer in time (refused connections, drops) are only counted.
 */
final class Measurements {

    static final String CREATED = "create 201";
    static final String PAID = "pay 200";
    static final String DROPPED = "dropped (max in flight reached)";

    /** Create answers, from the arrival's intended start (so queueing in the driver or the platform counts). */
    final Histogram create = new ConcurrentHistogram(3);
    /** The wallet payment, from sending it (it starts when its create answered, never on a schedule). */
    final Histogram pay = new ConcurrentHistogram(3);
    /** Create and pay together, from the intended start to the pay answer. */
    final Histogram cycle = new ConcurrentHistogram(3);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> channels = new ConcurrentHashMap<>();

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    void channel(String channel) {
        channels.computeIfAbsent(channel, k -> new LongAdder()).increment();
    }

    long total(String outcome) {
        LongAdder n = outcomes.get(outcome);
        return n == null ? 0 : n.sum();
    }

    Map<String, Long> outcomes() {
        return sorted(outcomes);
    }

    Map<String, Long> channels() {
        return sorted(channels);
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
