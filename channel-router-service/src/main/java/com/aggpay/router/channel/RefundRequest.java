package com.aggpay.router.channel;

/**
 * A refund of (part of) a paid trade. Amounts in minor units; {@code outRefundNo} is the platform's refund number,
 * on which every channel makes refunds idempotent (a retry with the same number never refunds twice).
 */
public record RefundRequest(String outTradeNo, String outRefundNo, long refundAmount, long totalAmount,
                            String currency, String reason) {
}
