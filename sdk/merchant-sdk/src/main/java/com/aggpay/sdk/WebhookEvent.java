package com.aggpay.sdk;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * A verified webhook: {@code {"id","type","created_at","data"}}. Deliveries are at-least-once, so dedupe on
 * {@link #id()}. {@code data} is the order (for {@code payment.*}) or the refund (for {@code refund.*}).
 */
public record WebhookEvent(String id, String type, OffsetDateTime createdAt, JsonNode data) {

    public boolean isPayment() {
        return type.startsWith("payment.");
    }

    public boolean isRefund() {
        return type.startsWith("refund.");
    }

    /** {@code data} as an order; only for {@code payment.*} events. */
    public Order order() {
        if (!isPayment()) {
            throw new IllegalStateException(type + " carries no order");
        }
        return Json.MAPPER.treeToValue(data, Order.class);
    }

    /** {@code data} as a refund; only for {@code refund.*} events. */
    public Refund refund() {
        if (!isRefund()) {
            throw new IllegalStateException(type + " carries no refund");
        }
        return Json.MAPPER.treeToValue(data, Refund.class);
    }
}
