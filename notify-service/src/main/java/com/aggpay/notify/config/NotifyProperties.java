package com.aggpay.notify.config;

import com.aggpay.notify.domain.RetrySchedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aggpay.notify.*}. Validated at start-up so that a production deployment cannot come up with a
 * retry schedule shorter than the 3 days and 16 attempts that API.md promises merchants.
 */
@Validated
@ConfigurationProperties("aggpay.notify")
public record NotifyProperties(
        @NotEmpty List<@NotNull Duration> retrySchedule,
        /** Each wait of the schedule × uniform[1 - jitter, 1 + jitter], so failed events do not come back together. */
        @DecimalMin("0.0") @DecimalMax("0.5") double retryJitter,
        /** The longest a merchant's Retry-After (on 429 / 503) may push the next attempt out. */
        @NotNull Duration maxRetryAfter,
        /**
         * Shortest total retry window accepted, with every wait shortened by the jitter as far as it goes; 72 h in
         * production (API.md: at least 3 days), 0 in local and test.
         */
        @NotNull Duration minimumRetryWindow,
        /** Fewest attempts the schedule must make (API.md: at least 16 in production). */
        @Min(1) int minimumRetryAttempts,
        /** An endpoint failing without a single success for longer than this is disabled (FAILING_TOO_LONG). */
        @NotNull Duration disableFailingEndpointAfter,
        /**
         * Local and test only: lets webhooks go to loopback and private addresses. Link-local, metadata and reserved
         * addresses are refused whatever this says (contracts' WebhookAddressRules).
         */
        boolean allowPrivateTargets,
        @NotNull @Valid Engine engine,
        @NotNull @Valid Http http,
        /** How long an app's secret and webhook URL from merchant-service may be reused (internals.md: ≤ 60 s). */
        @NotNull Duration appCacheTtl) {

    public record Engine(
            /**
             * The longest a due event waits for a scan when nothing asks for one sooner: events of other or crashed
             * instances, resends made elsewhere. Fresh events never wait for it; retries and freed slots ask sooner.
             */
            @NotNull Duration scanInterval,
            /** How long a claimed event belongs to this instance; a crashed instance's claims expire after it. */
            @NotNull Duration lease,
            /** Wait before retrying when merchant-service itself is unavailable (not counted as an attempt). */
            @NotNull Duration postponeDelay,
            @Min(1) @Max(10_000) int maxInFlight,
            /** One endpoint's share (scheme + host + port): what a hanging endpoint can tie up at most. */
            @Min(1) @Max(1_000) int perEndpointInFlight,
            /** Share kept apart for endpoints whose last attempt failed, so they never eat the healthy share. */
            @Min(1) @Max(10_000) int suspectMaxInFlight,
            @Min(1) @Max(1_000) int suspectPerEndpointInFlight,
            /** How long a failed endpoint stays "suspect" without any new failure. */
            @NotNull Duration suspectMemory,
            @Min(1) @Max(5_000) int maxCandidatesPerScan,
            /**
             * How long an event waits for an earlier event of its order that has not arrived (see OrderSequence)
             * before it is delivered anyway.
             */
            @NotNull Duration orderWaitForMissing) {
    }

    public record Http(@NotNull Duration connectTimeout, @NotNull Duration requestTimeout) {
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retrySchedule, retryJitter, maxRetryAfter);
    }

    @AssertTrue(message = "retry-schedule must be positive, make at least minimum-retry-attempts attempts and last at "
            + "least minimum-retry-window even with every wait shortened by retry-jitter")
    public boolean isScheduleLongEnough() {
        if (retrySchedule == null || minimumRetryWindow == null || maxRetryAfter == null || retrySchedule.isEmpty()) {
            return true; // reported by @NotEmpty / @NotNull
        }
        try {
            RetrySchedule schedule = schedule();
            return schedule.shortestWindow().compareTo(minimumRetryWindow) >= 0
                    && schedule.maxAttempts() >= minimumRetryAttempts;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
