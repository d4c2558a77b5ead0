package com.aggpay.order.refund;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How refunds whose outcome is not known yet are asked about.
 *
 * @param queryLadder   wait before the 1st, 2nd, … query of a PROCESSING refund; the last step repeats for ever
 *                      (an unknown refund is never released: the money may have gone)
 * @param queryPollMs   how often the job looks for refunds that are due
 * @param queryBatch    at most this many refunds per round
 */
@Validated
@ConfigurationProperties("aggpay.refund")
public record RefundProperties(
        @DefaultValue({"2s", "5s", "10s", "30s", "1m", "2m", "5m", "10m", "30m", "1h"}) @NotEmpty List<Duration> queryLadder,
        @DefaultValue("1000") @Min(100) long queryPollMs,
        @DefaultValue("50") @Min(1) @Max(1000) int queryBatch) {

    public Duration step(int tries) {
        return queryLadder.get(Math.min(tries, queryLadder.size() - 1));
    }
}
