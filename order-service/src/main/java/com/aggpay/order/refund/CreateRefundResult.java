package com.aggpay.order.refund;

import com.aggpay.order.payorder.domain.Violation;

/** What a refund request came to; business rejections are values, the controller maps them to answers. */
public sealed interface CreateRefundResult {

    record Created(RefundView refund) implements CreateRefundResult {
    }

    /** The same request again: the refund it made before. */
    record Repeated(RefundView refund) implements CreateRefundResult {
    }

    /** The mch_refund_no was used for another order or amount. */
    record Conflict(RefundView existing) implements CreateRefundResult {
    }

    record Invalid(Violation violation) implements CreateRefundResult {
    }

    record OrderNotFound() implements CreateRefundResult {
    }

    record OrderNotPaid(String payOrderId, String state) implements CreateRefundResult {
    }

    /** @param refundable what can still be refunded now (paid minus refunded minus in flight) */
    record ExceedsPaid(String payOrderId, long refundable) implements CreateRefundResult {
    }
}
