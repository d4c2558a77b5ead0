package com.aggpay.sdk;

import java.time.OffsetDateTime;

/** The refund object (API.md, "Other calls"). */
public record Refund(String refundId, String payOrderId, String mchRefundNo, long amount, RefundState state,
                     OffsetDateTime createdAt, OffsetDateTime succeededAt) {
}
