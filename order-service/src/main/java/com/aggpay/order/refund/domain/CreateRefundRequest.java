package com.aggpay.order.refund.domain;

/**
 * The body of {@code POST /api/v1/refunds}: the order by {@code payOrderId} or {@code mchOrderNo}. Boxed amount so
 * that a missing one is told apart from zero.
 */
public record CreateRefundRequest(String payOrderId, String mchOrderNo, String mchRefundNo, Long amount,
                                  String reason) {
}
