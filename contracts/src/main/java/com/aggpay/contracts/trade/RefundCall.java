package com.aggpay.contracts.trade;

/**
 * order-service → channel-router-service: refund (part of) a paid trade on the channel that took it, or ask how
 * such a refund stands (then only {@code channel}, {@code outTradeNo} and {@code outRefundNo} matter). Amounts in
 * minor units. {@code outRefundNo} makes the call idempotent upstream: the same number never refunds twice.
 */
public record RefundCall(String channel, String outTradeNo, String outRefundNo, long refundAmount, long totalAmount,
                         String currency, String reason) {

    public static RefundCall query(String channel, String outTradeNo, String outRefundNo) {
        return new RefundCall(channel, outTradeNo, outRefundNo, 0, 0, null, null);
    }
}
