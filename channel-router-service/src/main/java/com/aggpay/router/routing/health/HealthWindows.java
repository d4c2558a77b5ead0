package com.aggpay.router.routing.health;

import com.aggpay.router.routing.WindowStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sliding windows of recent attempt outcomes, per (channel, pay way) for SUCCESS_RATE routing and per channel for the
 * operator health view and the {@code aggpay_channel_*} gauges. This replica's own outcomes are kept here exactly; the
 * other replicas' come from {@link ReplicaOutcomes} (through Redis, refreshed in the background) and are added to
 * them, so that every replica judges a channel by the attempts all of them made. Reading never waits on Redis; with
 * Redis away, or without replicas, a replica judges by its own attempts alone.
 */
@Component
public class HealthWindows {

    /** What an operator sees of one channel; all zero when the channel had no attempt within the window. */
    public record ChannelHealthSnapshot(int samples, double successRate, long p50Ms, long p95Ms, long p99Ms) {
    }

    record WayKey(String channel, String payWay) {
    }

    private final HealthWindowProperties properties;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ConcurrentMap<String, OutcomeWindow> byChannel = new ConcurrentHashMap<>();
    private final ConcurrentMap<WayKey, OutcomeWindow> byChannelAndWay = new ConcurrentHashMap<>();
    private final OutcomeWindow none;
    private final ReplicaOutcomes replicas; // null: this instance alone

    @Autowired
    public HealthWindows(HealthWindowProperties properties, Clock clock, MeterRegistry registry,
                         ReplicaOutcomes replicas) {
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
        this.replicas = replicas;
        this.none = newWindow();
    }

    /** Windows of this instance's own attempts only. */
    public HealthWindows(HealthWindowProperties properties, Clock clock, MeterRegistry registry) {
        this(properties, clock, registry, null);
    }

    public void record(String channel, String payWay, boolean success, long latencyMs) {
        long now = clock.millis();
        channelWindow(channel).add(now, success, latencyMs);
        byChannelAndWay.computeIfAbsent(new WayKey(channel, payWay), k -> newWindow()).add(now, success, latencyMs);
        if (replicas != null) {
            replicas.offer(now, channel, payWay, success, latencyMs);
        }
    }

    /** For routing: {@link WindowStats#NONE} for a channel and pay way without recent attempts. */
    public WindowStats stats(String channel, String payWay) {
        OutcomeWindow window = byChannelAndWay.get(new WayKey(channel, payWay));
        WindowStats own = window == null ? WindowStats.NONE : window.stats(clock.millis());
        if (replicas == null) {
            return own;
        }
        WindowStats others = replicas.stats(channel, payWay);
        return others.samples() == 0 ? own
                : new WindowStats(own.samples() + others.samples(), own.successes() + others.successes());
    }

    /** Exact while only this instance tried the channel; with other replicas' attempts the percentiles are bucketed. */
    public ChannelHealthSnapshot snapshot(String channel) {
        OutcomeWindow window = byChannel.getOrDefault(channel, none);
        ReplicaOutcomes.ChannelOutcomes others =
                replicas == null ? ReplicaOutcomes.ChannelOutcomes.NONE : replicas.channel(channel);
        return others.samples() == 0 ? window.snapshot(clock.millis()) : window.snapshotWith(clock.millis(), others);
    }

    private OutcomeWindow channelWindow(String channel) {
        OutcomeWindow window = byChannel.get(channel);
        if (window != null) {
            return window;
        }
        // not computeIfAbsent: meter registration stays out of the map's locked section
        OutcomeWindow created = newWindow();
        OutcomeWindow raced = byChannel.putIfAbsent(channel, created);
        if (raced != null) {
            return raced;
        }
        registerGauges(channel);
        return created;
    }

    private OutcomeWindow newWindow() {
        return new OutcomeWindow(properties.windowSize(), properties.maxAge().toMillis());
    }

    /**
     * NaN while the window is empty: an idle channel has no rate, and 0 would look like an outage on a dashboard. The
     * gauges show what {@link #snapshot} shows, every replica's attempts.
     */
    private void registerGauges(String channel) {
        Gauge.builder("aggpay.channel.success.rate", this, h -> {
                    ChannelHealthSnapshot s = h.snapshot(channel);
                    return s.samples() == 0 ? Double.NaN : s.successRate();
                })
                .description("Share of successful attempts among the channel's recent ones")
                .tag("channel", channel)
                .register(registry);
        latencyGauge(channel, "0.5", ChannelHealthSnapshot::p50Ms);
        latencyGauge(channel, "0.95", ChannelHealthSnapshot::p95Ms);
        latencyGauge(channel, "0.99", ChannelHealthSnapshot::p99Ms);
    }

    private void latencyGauge(String channel, String quantile, ToLongFunction<ChannelHealthSnapshot> pick) {
        Gauge.builder("aggpay.channel.latency.ms", this, h -> {
                    ChannelHealthSnapshot s = h.snapshot(channel);
                    return s.samples() == 0 ? Double.NaN : pick.applyAsLong(s);
                })
                .description("Latency of the channel's recent attempts, failures included")
                .tag("channel", channel)
                .tag("quantile", quantile)
                .register(registry);
    }
}
