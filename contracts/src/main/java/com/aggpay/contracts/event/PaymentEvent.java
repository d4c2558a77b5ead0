package com.aggpay.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A domain event about a pay order or refund, as published on the payment events topic (key = mch_no).
 * {@code data} is the public order (or refund) object exactly as the merchant API shows it, so that the
 * webhook can carry it unchanged. Consumers are idempotent on {@code event_id}.
 */
public record PaymentEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_type") EventType eventType,
        @JsonProperty("occurred_at") String occurredAt,
        @JsonProperty("mch_no") String mchNo,
        @JsonProperty("app_id") String appId,
        @JsonProperty("notify_url") String notifyUrl,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("data") Map<String, Object> data) {

    /** The payment events topic name under a deployment's topic prefix (e.g. {@code aggpay}). */
    public static String topic(String prefix) {
        return prefix + ".payment-events";
    }
}
