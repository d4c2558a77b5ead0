package com.aggpay.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** What happens to an event after an attempt: a pure decision from the result, the schedule and the endpoint. */
public sealed interface NextStep {

    record MarkDelivered() implements NextStep {
    }

    /** Counted failure with schedule left: try again at {@code at}. */
    record RetryAt(Instant at, String error) implements NextStep {
    }

    /** Counted failure and nothing left to try (or retrying cannot help). */
    record GiveUp(String error) implements NextStep {
    }

    /** Not counted: try again at {@code at} without using up the schedule. */
    record Postpone(Instant at, String error) implements NextStep {
    }

    /**
     * The endpoint is disabled: no further attempt and no giving up; the event waits until the endpoint is enabled
     * again, which makes it due at once with a new run.
     */
    record Hold(String error) implements NextStep {
    }

    /** When the event is due again, if it stays pending. */
    default Optional<Instant> dueAgainAt() {
        if (this instanceof RetryAt retry) {
            return Optional.of(retry.at());
        }
        return this instanceof Postpone postpone ? Optional.of(postpone.at()) : Optional.empty();
    }

    /**
     * @param uniform          a random number in [0, 1) for the jitter (injectable so that tests pin it)
     * @param endpointDisabled the endpoint is disabled, now or by this very attempt (410, failing too long)
     */
    static NextStep after(AttemptResult result, int failuresBefore, RetrySchedule schedule, Instant now,
                          Duration postponeDelay, DoubleSupplier uniform, boolean endpointDisabled) {
        // instanceof chain, not a pattern switch: the bytecode target is Java 17, where that is still preview
        if (result instanceof AttemptResult.Delivered) {
            return new MarkDelivered();
        }
        if (result instanceof AttemptResult.Postponed p) {
            return new Postpone(p.until() != null ? p.until() : now.plus(postponeDelay), p.error());
        }
        if (result instanceof AttemptResult.Held h) {
            return new Hold(h.reason());
        }
        if (result instanceof AttemptResult.Forbidden) {
            return new GiveUp("NOTIFY_URL_FORBIDDEN");
        }
        if (result instanceof AttemptResult.Rejected r) {
            String error = "HTTP_" + r.httpStatus();
            if (endpointDisabled) {
                return new Hold(error);
            }
            boolean mayAskToWait = r.httpStatus() == 429 || r.httpStatus() == 503;
            Duration askedWait = mayAskToWait && r.retryAfter() != null ? r.retryAfter() : Duration.ZERO;
            return retryOrGiveUp(error, failuresBefore, schedule, now, uniform, askedWait);
        }
        if (result instanceof AttemptResult.Unreachable u) {
            return endpointDisabled ? new Hold(u.error())
                    : retryOrGiveUp(u.error(), failuresBefore, schedule, now, uniform, Duration.ZERO);
        }
        if (result instanceof AttemptResult.Misconfigured m) {
            return retryOrGiveUp(m.error(), failuresBefore, schedule, now, uniform, Duration.ZERO);
        }
        throw new IllegalStateException("unhandled attempt result " + result);
    }

    /** The scheduled wait, or the merchant's Retry-After (capped) when that is longer; it still uses up an attempt. */
    private static NextStep retryOrGiveUp(String error, int failuresBefore, RetrySchedule schedule, Instant now,
                                          DoubleSupplier uniform, Duration askedWait) {
        Duration honoured = askedWait.compareTo(schedule.maxRetryAfter()) > 0 ? schedule.maxRetryAfter() : askedWait;
        return schedule.delayAfter(failuresBefore + 1, uniform.getAsDouble())
                .<NextStep>map(delay -> new RetryAt(now.plus(delay.compareTo(honoured) >= 0 ? delay : honoured),
                        error))
                .orElseGet(() -> new GiveUp(error));
    }
}
