package com.aggpay.order.payment;

public sealed interface ApplyResult {

    /** The order moved to SUCCESS and PaymentSucceeded is in the outbox. */
    record Applied() implements ApplyResult {
    }

    /** The same payment was applied before (a duplicate callback): nothing changed. */
    record AlreadyApplied() implements ApplyResult {
    }

    record TradeUnknown() implements ApplyResult {
    }

    /** The report disagrees with the stored order on {@code field}: never applied. */
    record Mismatch(String field, String detail) implements ApplyResult {
    }
}
