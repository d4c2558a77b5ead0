package com.aggpay.contracts.event;

/** Past-tense domain events, each with the webhook type merchants see. */
public enum EventType {
    PaymentSucceeded("payment.succeeded"),
    PaymentFailed("payment.failed"),
    PaymentClosed("payment.closed"),
    RefundSucceeded("refund.succeeded"),
    RefundFailed("refund.failed");

    private final String webhookType;

    EventType(String webhookType) {
        this.webhookType = webhookType;
    }

    public String webhookType() {
        return webhookType;
    }
}
