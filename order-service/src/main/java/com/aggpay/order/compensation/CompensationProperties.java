package com.aggpay.order.compensation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The compensation and expiry jobs' schedule.
 *
 * @param enabled         false stops both jobs (tests drive rounds by hand)
 * @param pollIntervalMs  pause between two rounds of each job on one instance
 * @param firstQueryDelay how long after creation an order is first queried: the usual callback time
 * @param ladder          waits between further queries (and retries of an unclear expiry close); the last repeats
 * @param lease           how long a claimed order is left to the instance that claimed it (longer than a round trip)
 * @param batchSize       orders taken per round
 */
@Validated
@ConfigurationProperties("aggpay.order.compensation")
public record CompensationProperties(boolean enabled,
                                     @Min(100) long pollIntervalMs,
                                     @NotNull Duration firstQueryDelay,
                                     @NotEmpty List<Duration> ladder,
                                     @NotNull Duration lease,
                                     @Min(1) @Max(500) int batchSize) {

    /** The wait after the given number of tries (1 = after the first query). */
    public Duration waitAfter(int tries) {
        return ladder.get(Math.max(0, Math.min(tries - 1, ladder.size() - 1)));
    }
}
