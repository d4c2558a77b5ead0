package com.aggpay.notify.delivery;

import com.aggpay.notify.store.EndpointCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The webhook metrics (Prometheus names):
 * <ul>
 *   <li>{@code aggpay_webhook_delivery_latency_seconds}: histogram (buckets from 5 ms to 4 days, for
 *   {@code histogram_quantile}), an event's creation (its intake) to its first successful delivery: what merchants
 *   feel, retries included;</li>
 *   <li>{@code aggpay_webhook_attempts_total{outcome}} and {@code aggpay_webhook_attempt_seconds} (send to answer,
 *   for attempts that reached the network);</li>
 *   <li>{@code aggpay_webhook_backlog}: pending events due and not yet delivered, at the last count;
 *   {@code aggpay_webhook_in_flight};</li>
 *   <li>{@code aggpay_webhook_endpoints{state}}: merchants' endpoints by state (ACTIVE, FAILING, DISABLED);
 *   {@code aggpay_webhook_endpoint_failure_streak_longest}: the longest failure streak of an endpoint not disabled;
 *   {@code aggpay_webhook_endpoint_failure_streak}: histogram of streak lengths at each failed attempt. Bounded
 *   series only: never one per merchant or URL.</li>
 * </ul>
 * Endpoint counts come from the database, read at most every {@link #ENDPOINT_COUNT_EVERY} whatever the scrape rate.
 */
public class DeliveryMetrics {

    static final Duration ENDPOINT_COUNT_EVERY = Duration.ofSeconds(10);
    private static final List<String> ENDPOINT_STATES = List.of("ACTIVE", "FAILING", "DISABLED");

    private final MeterRegistry registry;
    private final Timer attemptTime;
    private final Timer firstDelivery;
    private final DistributionSummary failureStreak;
    private final AtomicLong dueBacklog = new AtomicLong();
    private final Supplier<List<EndpointCount>> countEndpoints;
    private volatile Map<String, EndpointCount> endpointCounts = Map.of();
    private volatile long endpointsCountedAt = Long.MIN_VALUE;

    public DeliveryMetrics(MeterRegistry registry, Supplier<Number> inFlight,
                           Supplier<List<EndpointCount>> countEndpoints) {
        this.registry = registry;
        this.countEndpoints = countEndpoints;
        this.attemptTime = Timer.builder("aggpay.webhook.attempt")
                .description("Time from sending a webhook to the merchant's answer (or the failure)")
                .publishPercentileHistogram()
                .register(registry);
        this.firstDelivery = Timer.builder("aggpay.webhook.delivery.latency")
                .description("Time from a webhook event's creation to its first successful delivery")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofDays(4))
                .register(registry);
        this.failureStreak = DistributionSummary.builder("aggpay.webhook.endpoint.failure.streak")
                .description("Consecutive failures of a merchant's endpoint, observed at each failed attempt")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128)
                .register(registry);
        Gauge.builder("aggpay.webhook.backlog", dueBacklog, AtomicLong::get)
                .description("PENDING webhook events whose next attempt is due, at the last count")
                .register(registry);
        Gauge.builder("aggpay.webhook.in.flight", inFlight, s -> s.get().doubleValue())
                .description("Webhook deliveries in progress on this instance")
                .register(registry);
        for (String state : ENDPOINT_STATES) {
            Gauge.builder("aggpay.webhook.endpoints", this, m -> m.endpointCount(state).endpoints())
                    .description("Merchants' webhook endpoints (one URL of one merchant each) by state")
                    .tag("state", state)
                    .register(registry);
        }
        Gauge.builder("aggpay.webhook.endpoint.failure.streak.longest", this, DeliveryMetrics::maxStreak)
                .description("The longest current failure streak of an endpoint that is not disabled")
                .register(registry);
    }

    public void attempt(String outcome, Duration took) {
        Counter.builder("aggpay.webhook.attempts")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (took != null) { // only attempts that reached the network say something about merchants' latency
            attemptTime.record(took);
        }
    }

    /** An event delivered for the first time, {@code latency} after it was created. */
    public void firstDelivery(Duration latency) {
        firstDelivery.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void failureStreak(int consecutiveFailures) {
        failureStreak.record(consecutiveFailures);
    }

    public void dueBacklog(long count) {
        dueBacklog.set(count);
    }

    private double maxStreak() {
        return Math.max(endpointCount("ACTIVE").maxConsecutiveFailures(),
                endpointCount("FAILING").maxConsecutiveFailures());
    }

    private EndpointCount endpointCount(String state) {
        long now = System.nanoTime();
        if (endpointsCountedAt == Long.MIN_VALUE || now - endpointsCountedAt >= ENDPOINT_COUNT_EVERY.toNanos()) {
            endpointsCountedAt = now;
            endpointCounts = countEndpoints.get().stream()
                    .collect(Collectors.toMap(EndpointCount::state, c -> c));
        }
        return endpointCounts.getOrDefault(state, new EndpointCount(state, 0, 0));
    }
}
