package com.aggpay.router;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures to reach the state router replicas share in Redis (health windows, circuits). Each one is counted
 * ({@code aggpay_router_shared_state_failures_total{part, operation}}); the log says only when a part starts and
 * stops failing, not twice a second for as long as Redis is away. Routing never waits on this state: while Redis is
 * away each replica routes on what it saw itself.
 */
public final class SharedStateFailures {

    private static final Logger log = LoggerFactory.getLogger(SharedStateFailures.class);
    private final MeterRegistry meters;
    private final String part;
    private final AtomicBoolean failing = new AtomicBoolean();

    public SharedStateFailures(MeterRegistry meters, String part) {
        this.meters = meters;
        this.part = part;
    }

    public void failed(String operation, RuntimeException e) {
        meters.counter("aggpay.router.shared.state.failures", "part", part, "operation", operation).increment();
        if (failing.compareAndSet(false, true)) {
            log.warn("shared {} state unreachable ({}: {}); routing on this replica's own view until it is back",
                    part, operation, e.toString());
        }
    }

    public void succeeded() {
        if (failing.compareAndSet(true, false)) {
            log.info("shared {} state reachable again", part);
        }
    }
}
