package com.aggpay.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A domain event about a pay order or refund, as published on the payment events topic (key = mch_no).
 * {@code data} is the public order (or refund) object exactly as the merchant API shows it, so that the
 * webhook can carry it unchanged. Consumers are idempotent on {@code event_id}. {@code order_seq} numbers the events
 * of one pay order 1, 2, 3… in the order they happened (its payment before its refunds), so a consumer can keep
 * that order whatever order the events arrive in; null on events from before it existed.
 */
public record PaymentEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_type") EventType eventType,
        @JsonProperty("occurred_at") String occurredAt,
        @JsonProperty("mch_no") String mchNo,
        @JsonProperty("app_id") String appId,
        @JsonProperty("notify_url") String notifyUrl,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("pay_order_id") String payOrderId,
        @JsonProperty("order_seq") Integer orderSeq,
        @JsonProperty("data") Map<String, Object> data) {

    /** An event without its order's sequence (events published before sequences existed read the same way). */
    public PaymentEvent(String eventId, EventType eventType, String occurredAt, String mchNo, String appId,
                        String notifyUrl, String requestId, Map<String, Object> data) {
        this(eventId, eventType, occurredAt, mchNo, appId, notifyUrl, requestId, null, null, data);
    }

    /** The payment events topic name under a deployment's topic prefix (e.g. {@code aggpay}). */
    public static String topic(String prefix) {
        return prefix + ".payment-events";
    }
}
