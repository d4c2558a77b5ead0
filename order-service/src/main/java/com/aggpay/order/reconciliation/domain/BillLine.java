package com.aggpay.order.reconciliation.domain;

/**
 * One line of a channel's bill, as the channel states it.
 *
 * @param status the channel's own word; {@link Reconcile} decides what counts as money moved
 */
public record BillLine(Kind kind, String outTradeNo, String outRefundNo, long amount, String status) {
}
