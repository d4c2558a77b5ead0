package com.aggpay.order.statement.domain;

import java.time.OffsetDateTime;

/**
 * A payment or a refund of the merchant's day, before pricing.
 *
 * @param amount minor units, positive for both kinds; the CSV shows refunds negative
 */
public record StatementLine(Type type, String payOrderId, String mchOrderNo, String refundId, String mchRefundNo,
                            String channel, String payWay, long amount, OffsetDateTime time) {

    public enum Type { PAYMENT, REFUND }
}
