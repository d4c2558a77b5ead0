package com.aggpay.notify.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The waits between attempts: after the n-th failed attempt of a run the next one is due after
 * {@code delays[n-1]}, stretched or shrunk by up to {@code jitter} (0.2: each wait × uniform[0.8, 1.2]) so that the
 * retries of many events failing together at one endpoint do not come back together; after the last delay's attempt
 * fails, the event is given up. A run of {@code delays.size()} delays therefore makes {@code delays.size() + 1}
 * attempts. A merchant's {@code Retry-After} may push an attempt later, up to {@code maxRetryAfter}, never earlier.
 */
public record RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("retry schedule must have at least one delay");
        }
        delays = List.copyOf(delays);
        for (Duration d : delays) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retry delays must be positive, got " + d);
            }
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must be zero or positive, got " + maxRetryAfter);
        }
    }

    /** Without jitter, Retry-After honoured up to a day. */
    public RetrySchedule(List<Duration> delays) {
        this(delays, 0, Duration.ofDays(1));
    }

    /** The wait before the next attempt without jitter, or empty when {@code failuresInRun} exhaust the schedule. */
    public Optional<Duration> delayAfter(int failuresInRun) {
        if (failuresInRun < 1) {
            throw new IllegalArgumentException("failuresInRun starts at 1, got " + failuresInRun);
        }
        return failuresInRun <= delays.size() ? Optional.of(delays.get(failuresInRun - 1)) : Optional.empty();
    }

    /**
     * As {@link #delayAfter(int)} with jitter applied.
     *
     * @param uniform a random number in [0, 1): 0 gives the shortest wait, values near 1 the longest
     */
    public Optional<Duration> delayAfter(int failuresInRun, double uniform) {
        double factor = 1 - jitter + 2 * jitter * uniform;
        return delayAfter(failuresInRun).map(d -> Duration.ofMillis(Math.round(d.toMillis() * factor)));
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** Time from the first attempt to the last one, if every attempt fails, without jitter. */
    public Duration window() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The window when jitter shortens every wait as far as it can: what merchants are promised at least. */
    public Duration shortestWindow() {
        return Duration.ofMillis(Math.round(window().toMillis() * (1 - jitter)));
    }
}
