package com.aggpay.router.routing.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size of the recent-outcome windows behind SUCCESS_RATE routing and the operator health view.
 *
 * @param windowSize outcomes kept per window at most (the most recent ones)
 * @param maxAge     outcomes older than this no longer count: a channel is judged on how it behaves now
 */
@ConfigurationProperties("aggpay.router.health")
public record HealthWindowProperties(@DefaultValue("100") int windowSize, @DefaultValue("10m") Duration maxAge) {

    public HealthWindowProperties {
        if (windowSize < 1) {
            throw new IllegalArgumentException("aggpay.router.health.window-size must be >= 1, was " + windowSize);
        }
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("aggpay.router.health.max-age must be positive, was " + maxAge);
        }
    }
}
