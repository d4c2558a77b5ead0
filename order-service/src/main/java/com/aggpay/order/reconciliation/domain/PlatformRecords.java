package com.aggpay.order.reconciliation.domain;

import java.util.List;

/**
 * What the platform knows that is relevant to one channel's bill of one day: the SUCCESS orders and refunds of that
 * day on that channel, plus every order, attempt and refund the bill names (whatever their day or state).
 */
public record PlatformRecords(List<PlatformPayment> payments, List<PlatformAttempt> attempts,
                              List<PlatformRefund> refunds) {

    public static PlatformRecords none() {
        return new PlatformRecords(List.of(), List.of(), List.of());
    }
}
