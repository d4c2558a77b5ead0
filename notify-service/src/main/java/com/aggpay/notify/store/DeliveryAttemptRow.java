package com.aggpay.notify.store;

import java.time.Instant;

/** A {@code delivery_attempt} row: one HTTP attempt (or refusal to send) for one event. */
public class DeliveryAttemptRow {
    public Long id;
    public String eventId;
    public int attemptNo;
    public String url;
    /** The merchant's endpoint (webhook_endpoint) the attempt went to; null when no URL was known. */
    public Long webhookEndpointId;
    public Instant startedAt;
    public long durationMs;
    public Integer httpStatus;
    public String error;
    /** The first bytes of the merchant's answer body; null when it had none. */
    public String responseExcerpt;
    public String outcome;
}
