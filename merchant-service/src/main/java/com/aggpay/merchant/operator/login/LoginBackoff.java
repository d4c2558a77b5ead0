package com.aggpay.merchant.operator.login;

import com.aggpay.merchant.operator.login.OperatorLoginProperties.Limit;
import java.time.Duration;
import java.time.Instant;

/** The backoff rule, without I/O: how long one throttle key makes the next attempt wait. */
final class LoginBackoff {

    /** 2^20 × any sane base is far past every cap; stops the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 20;

    private LoginBackoff() {
    }

    /** Failures counted under one key within the window, and when the latest of them happened. */
    record Failures(long count, Instant last) {

        static final Failures NONE = new Failures(0, Instant.EPOCH);
    }

    /** The wait imposed after {@code failures}: zero up to the free failures, then doubling from the base to the cap. */
    static Duration after(long failures, Limit limit, Duration base) {
        if (failures < limit.freeFailures()) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - limit.freeFailures(), MAX_DOUBLINGS);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(limit.maxBackoff()) > 0 ? limit.maxBackoff() : wait;
    }

    /** What is left of that wait at {@code now}; zero once it has passed. */
    static Duration remaining(Failures failures, Limit limit, Duration base, Instant now) {
        Duration wait = after(failures.count(), limit, base);
        if (wait.isZero()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
