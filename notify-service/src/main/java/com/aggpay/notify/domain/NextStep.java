package com.aggpay.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What happens to an event after an attempt: a pure decision from the result and the schedule. */
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

    /** When the event is due again, if it stays pending. */
    default Optional<Instant> dueAgainAt() {
        if (this instanceof RetryAt retry) {
            return Optional.of(retry.at());
        }
        return this instanceof Postpone postpone ? Optional.of(postpone.at()) : Optional.empty();
    }

    static NextStep after(AttemptResult result, int failuresBefore, RetrySchedule schedule, Instant now,
                          Duration postponeDelay) {
        // instanceof chain, not a pattern switch: the bytecode target is Java 17, where that is still preview
        if (result instanceof AttemptResult.Delivered) {
            return new MarkDelivered();
        }
        if (result instanceof AttemptResult.Postponed p) {
            return new Postpone(now.plus(postponeDelay), p.error());
        }
        if (result instanceof AttemptResult.Forbidden) {
            return new GiveUp("NOTIFY_URL_FORBIDDEN");
        }
        if (result instanceof AttemptResult.Rejected r) {
            return retryOrGiveUp("HTTP_" + r.httpStatus(), failuresBefore, schedule, now);
        }
        if (result instanceof AttemptResult.Unreachable u) {
            return retryOrGiveUp(u.error(), failuresBefore, schedule, now);
        }
        if (result instanceof AttemptResult.Misconfigured m) {
            return retryOrGiveUp(m.error(), failuresBefore, schedule, now);
        }
        throw new IllegalStateException("unhandled attempt result " + result);
    }

    private static NextStep retryOrGiveUp(String error, int failuresBefore, RetrySchedule schedule, Instant now) {
        return schedule.delayAfter(failuresBefore + 1)
                .<NextStep>map(delay -> new RetryAt(now.plus(delay), error))
                .orElseGet(() -> new GiveUp(error));
    }
}
