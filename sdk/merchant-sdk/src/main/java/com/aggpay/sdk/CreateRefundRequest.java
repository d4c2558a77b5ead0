package com.aggpay.sdk;

/**
 * The body of {@code POST /api/v1/refunds}: the order named by the platform's {@code pay_order_id} or by the
 * merchant's own {@code mch_order_no}, never both. {@code mch_refund_no} makes the call idempotent per app.
 */
public record CreateRefundRequest(String payOrderId, String mchOrderNo, String mchRefundNo, long amount,
                                  String reason) {

    public static CreateRefundRequest ofPayOrder(String payOrderId, String mchRefundNo, long amount) {
        return new CreateRefundRequest(payOrderId, null, mchRefundNo, amount, null);
    }

    public static CreateRefundRequest ofMchOrder(String mchOrderNo, String mchRefundNo, long amount) {
        return new CreateRefundRequest(null, mchOrderNo, mchRefundNo, amount, null);
    }

    public CreateRefundRequest withReason(String reason) {
        return new CreateRefundRequest(payOrderId, mchOrderNo, mchRefundNo, amount, reason);
    }
}
