package com.aggpay.order.reconciliation.domain;

/**
 * A refund as the platform holds it.
 *
 * @param succeededOnDay true when {@code state} is SUCCESS and {@code succeeded_at} falls on the reconciled day
 */
public record PlatformRefund(String refundId, String payOrderId, String outRefundNo, String channel, long amount,
                             String state, boolean succeededOnDay) {
}
