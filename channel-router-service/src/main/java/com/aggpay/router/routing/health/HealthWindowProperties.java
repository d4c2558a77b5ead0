package com.aggpay.router.routing.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size of the recent-outcome windows behind SUCCESS_RATE routing and the operator health view, and how the replicas
 * share them ({@link ReplicaOutcomes}).
 *
 * @param windowSize    outcomes kept per window at most (the most recent ones; per replica when replicas share)
 * @param maxAge        outcomes older than this no longer count: a channel is judged on how it behaves now
 * @param flushPeriod   how often a replica writes its queued outcomes to Redis (a trade never waits for it)
 * @param refreshPeriod how often a replica reads the other replicas' outcomes back: they show in its ranking within
 *                      about flush + refresh period
 */
@ConfigurationProperties("aggpay.router.health")
public record HealthWindowProperties(@DefaultValue("100") int windowSize, @DefaultValue("10m") Duration maxAge,
                                     @DefaultValue("100ms") Duration flushPeriod,
                                     @DefaultValue("500ms") Duration refreshPeriod) {

    @ConstructorBinding
    public HealthWindowProperties {
        if (windowSize < 1) {
            throw new IllegalArgumentException("aggpay.router.health.window-size must be >= 1, was " + windowSize);
        }
        positive("max-age", maxAge);
        positive("flush-period", flushPeriod);
        positive("refresh-period", refreshPeriod);
    }

    /** The given window with the default periods. */
    public HealthWindowProperties(int windowSize, Duration maxAge) {
        this(windowSize, maxAge, Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("aggpay.router.health." + name + " must be positive, was " + value);
        }
    }
}
