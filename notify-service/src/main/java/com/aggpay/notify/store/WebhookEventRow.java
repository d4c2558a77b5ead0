package com.aggpay.notify.store;

import java.time.Instant;

/** A {@code webhook_event} row as MyBatis maps it (mutable on purpose: MyBatis fills it by reflection). */
public class WebhookEventRow {
    public Long id;
    public String eventId;
    public String eventType;
    public String webhookType;
    public String mchNo;
    public String appId;
    public String notifyUrl;
    /** The isolation key of the target (see delivery.Endpoint), fixed at intake. */
    public String endpoint;
    /** The merchant's endpoint (webhook_endpoint) last sent to or held for; null before the first attempt. */
    public Long webhookEndpointId;
    public String requestId;
    /**
     * The W3C trace context the event arrived with (its Kafka message's {@code traceparent} header), stored with the
     * event, so every attempt (the first, a retry found by a later scan, one after a restart) continues that trace.
     */
    public String traceparent;
    /** the pay order the event is about, and its number among that order's events; null for older events */
    public String payOrderId;
    public Integer orderSeq;
    public String body;
    public String state;
    public int attemptCount;
    public int runFailures;
    public Instant nextAttemptAt;
    public String leaseOwner;
    public Instant leaseUntil;
    public Instant deliveredAt;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;
}
