package com.aggpay.notify.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The waits between attempts: after the n-th failed attempt of a run the next one is due after
 * {@code delays[n-1]}; after the last delay's attempt fails, the event is given up. A run of
 * {@code delays.size()} delays therefore makes {@code delays.size() + 1} attempts.
 */
public record RetrySchedule(List<Duration> delays) {

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
    }

    /** The wait before the next attempt, or empty when {@code failuresInRun} failures exhaust the schedule. */
    public Optional<Duration> delayAfter(int failuresInRun) {
        if (failuresInRun < 1) {
            throw new IllegalArgumentException("failuresInRun starts at 1, got " + failuresInRun);
        }
        return failuresInRun <= delays.size() ? Optional.of(delays.get(failuresInRun - 1)) : Optional.empty();
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** Time from the first attempt to the last one, if every attempt fails. */
    public Duration window() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
