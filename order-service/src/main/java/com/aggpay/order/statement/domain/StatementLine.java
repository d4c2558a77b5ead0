package com.aggpay.order.statement.domain;

import java.time.OffsetDateTime;

/**
 * A payment or a refund of the merchant's day, before pricing.
 *
 * @param amount     minor units, positive for both kinds; the CSV shows refunds negative
 * @param feeRatePpm the rate the order was taken at (a refund uses its order's); null = the channel's current rate
 */
public record StatementLine(Type type, String payOrderId, String mchOrderNo, String refundId, String mchRefundNo,
                            String channel, String payWay, long amount, OffsetDateTime time, Integer feeRatePpm) {

    public StatementLine(Type type, String payOrderId, String mchOrderNo, String refundId, String mchRefundNo,
                         String channel, String payWay, long amount, OffsetDateTime time) {
        this(type, payOrderId, mchOrderNo, refundId, mchRefundNo, channel, payWay, amount, time, null);
    }

    public enum Type { PAYMENT, REFUND }
}
