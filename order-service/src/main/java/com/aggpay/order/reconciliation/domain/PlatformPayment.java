package com.aggpay.order.reconciliation.domain;

/**
 * An order as the platform holds it, keyed by the trade whose pay data it handed out.
 *
 * @param paidOnDay true when {@code state} is SUCCESS and {@code paid_at} falls on the reconciled day
 */
public record PlatformPayment(String payOrderId, String outTradeNo, String channel, long amount, String state,
                              boolean paidOnDay) {
}
