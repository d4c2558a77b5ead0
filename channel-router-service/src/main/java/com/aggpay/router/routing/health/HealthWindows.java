package com.aggpay.router.routing.health;

import com.aggpay.router.routing.WindowStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Sliding windows of recent attempt outcomes, per (channel, pay way) for SUCCESS_RATE routing and per channel for the
 * operator health view and the {@code aggpay_channel_*} gauges. In memory and per instance: each router instance
 * judges channels by the attempts it made itself, which is what it needs to route, and a restart starts afresh
 * (SUCCESS_RATE then treats every channel as untried, see {@code SuccessRateRanking}).
 */
@Component
public class HealthWindows {

    /** What an operator sees of one channel; all zero when the channel had no attempt within the window. */
    public record ChannelHealthSnapshot(int samples, double successRate, long p50Ms, long p95Ms, long p99Ms) {
    }

    private record WayKey(String channel, String payWay) {
    }

    private final HealthWindowProperties properties;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ConcurrentMap<String, OutcomeWindow> byChannel = new ConcurrentHashMap<>();
    private final ConcurrentMap<WayKey, OutcomeWindow> byChannelAndWay = new ConcurrentHashMap<>();

    public HealthWindows(HealthWindowProperties properties, Clock clock, MeterRegistry registry) {
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
    }

    public void record(String channel, String payWay, boolean success, long latencyMs) {
        long now = clock.millis();
        channelWindow(channel).add(now, success, latencyMs);
        byChannelAndWay.computeIfAbsent(new WayKey(channel, payWay), k -> newWindow()).add(now, success, latencyMs);
    }

    /** For routing: {@link WindowStats#NONE} for a channel and pay way without recent attempts. */
    public WindowStats stats(String channel, String payWay) {
        OutcomeWindow window = byChannelAndWay.get(new WayKey(channel, payWay));
        return window == null ? WindowStats.NONE : window.stats(clock.millis());
    }

    public ChannelHealthSnapshot snapshot(String channel) {
        OutcomeWindow window = byChannel.get(channel);
        return window == null ? new ChannelHealthSnapshot(0, 0.0, 0, 0, 0) : window.snapshot(clock.millis());
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
        registerGauges(channel, created);
        return created;
    }

    private OutcomeWindow newWindow() {
        return new OutcomeWindow(properties.windowSize(), properties.maxAge().toMillis());
    }

    /** NaN while the window is empty: an idle channel has no rate, and 0 would look like an outage on a dashboard. */
    private void registerGauges(String channel, OutcomeWindow window) {
        Gauge.builder("aggpay.channel.success.rate", window, w -> {
                    WindowStats stats = w.stats(clock.millis());
                    return stats.samples() == 0 ? Double.NaN : stats.successRate();
                })
                .description("Share of successful attempts among the channel's recent ones")
                .tag("channel", channel)
                .register(registry);
        latencyGauge(channel, window, "0.5", ChannelHealthSnapshot::p50Ms);
        latencyGauge(channel, window, "0.95", ChannelHealthSnapshot::p95Ms);
        latencyGauge(channel, window, "0.99", ChannelHealthSnapshot::p99Ms);
    }

    private void latencyGauge(String channel, OutcomeWindow window, String quantile,
                              ToLongFunction<ChannelHealthSnapshot> pick) {
        Gauge.builder("aggpay.channel.latency.ms", window, w -> {
                    ChannelHealthSnapshot s = w.snapshot(clock.millis());
                    return s.samples() == 0 ? Double.NaN : pick.applyAsLong(s);
                })
                .description("Latency of the channel's recent attempts, failures included")
                .tag("channel", channel)
                .tag("quantile", quantile)
                .register(registry);
    }
}
