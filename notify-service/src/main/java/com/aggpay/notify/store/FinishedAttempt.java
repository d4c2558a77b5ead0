package com.aggpay.notify.store;

import com.aggpay.notify.domain.EventState;
import java.time.Instant;

/**
 * What one finished attempt changes: the event's state, and the attempt's row in the delivery log (none for an
 * attempt that never reached the merchant for our own reasons, which is not counted).
 *
 * @param nextAttemptAt when a pending event is due again; {@code null} keeps the stored time
 */
public record FinishedAttempt(String eventId, String leaseOwner, EventState state, boolean failure,
                              Instant nextAttemptAt, String lastError, DeliveryAttemptRow attempt) {

    public static FinishedAttempt delivered(String eventId, String leaseOwner, DeliveryAttemptRow attempt) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.DELIVERED, false, null, null, attempt);
    }

    public static FinishedAttempt retryAt(String eventId, String leaseOwner, Instant at, String error,
                                          DeliveryAttemptRow attempt) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.PENDING, true, at, error, attempt);
    }

    public static FinishedAttempt gaveUp(String eventId, String leaseOwner, String error, DeliveryAttemptRow attempt) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.FAILED, true, null, error, attempt);
    }

    public static FinishedAttempt postponed(String eventId, String leaseOwner, Instant at, String error) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.PENDING, false, at, error, null);
    }

    boolean counted() {
        return attempt != null;
    }
}
