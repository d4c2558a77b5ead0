package com.aggpay.order.refund;

/** The public refund object (API.md); also the {@code data} of refund events. */
public record RefundView(
        String refundId,
        String payOrderId,
        String mchRefundNo,
        long amount,
        String state,
        String createdAt,
        String succeededAt) {
}
