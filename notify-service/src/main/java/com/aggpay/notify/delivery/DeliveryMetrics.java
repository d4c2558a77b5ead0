package com.aggpay.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code aggpay_webhook_deliveries_total{outcome}}, {@code aggpay_webhook_delivery_seconds},
 * {@code aggpay_webhook_backlog_due} and {@code aggpay_webhook_in_flight}.
 */
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final AtomicLong dueBacklog = new AtomicLong();

    public DeliveryMetrics(MeterRegistry registry, Supplier<Number> inFlight) {
        this.registry = registry;
        this.latency = Timer.builder("aggpay.webhook.delivery")
                .description("Time from sending a webhook to the merchant's answer (or the failure)")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("aggpay.webhook.backlog.due", dueBacklog, AtomicLong::get)
                .description("PENDING webhook events whose next attempt is due, at the last count")
                .register(registry);
        Gauge.builder("aggpay.webhook.in.flight", inFlight, s -> s.get().doubleValue())
                .description("Webhook deliveries in progress on this instance")
                .register(registry);
    }

    public void attempt(String outcome, Duration took) {
        Counter.builder("aggpay.webhook.deliveries")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (took != null) { // only attempts that reached the network say something about merchants' latency
            latency.record(took);
        }
    }

    public void dueBacklog(long count) {
        dueBacklog.set(count);
    }
}
