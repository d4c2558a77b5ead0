package com.aggpay.notify.store;

import com.aggpay.notify.domain.EventState;
import java.time.Instant;

/**
 * What one finished attempt changes: the event's state, and the attempt's row in the delivery log (none for an
 * attempt that never reached the merchant for our own reasons, or was held before sending: neither is counted).
 *
 * @param nextAttemptAt     when a pending event is due again; {@code null} keeps the stored time
 * @param webhookEndpointId the merchant's endpoint the event was sent to (or is held for); {@code null}: none known
 */
public record FinishedAttempt(String eventId, String leaseOwner, EventState state, boolean failure,
                              Instant nextAttemptAt, String lastError, DeliveryAttemptRow attempt,
                              Long webhookEndpointId) {

    public static FinishedAttempt delivered(String eventId, String leaseOwner, DeliveryAttemptRow attempt) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.DELIVERED, false, null, null, attempt,
                attempt.webhookEndpointId);
    }

    public static FinishedAttempt retryAt(String eventId, String leaseOwner, Instant at, String error,
                                          DeliveryAttemptRow attempt) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.PENDING, true, at, error, attempt,
                attempt.webhookEndpointId);
    }

    public static FinishedAttempt gaveUp(String eventId, String leaseOwner, String error, DeliveryAttemptRow attempt) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.FAILED, true, null, error, attempt,
                attempt.webhookEndpointId);
    }

    public static FinishedAttempt postponed(String eventId, String leaseOwner, Instant at, String error) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.PENDING, false, at, error, null, null);
    }

    /**
     * Held for a disabled endpoint. {@code attempt}: the failed attempt that disabled it, or null when the endpoint
     * was disabled already and nothing was sent. Should the endpoint be enabled meanwhile, the event is due now.
     */
    public static FinishedAttempt held(String eventId, String leaseOwner, long webhookEndpointId, String error,
                                       DeliveryAttemptRow attempt, Instant now) {
        return new FinishedAttempt(eventId, leaseOwner, EventState.HELD, attempt != null, now, error, attempt,
                webhookEndpointId);
    }

    boolean counted() {
        return attempt != null;
    }
}
