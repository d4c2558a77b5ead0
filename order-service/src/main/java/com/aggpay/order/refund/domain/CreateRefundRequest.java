package com.aggpay.order.refund.domain;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The body of {@code POST /api/v1/refunds}: the order by {@code payOrderId} or {@code mchOrderNo}. Boxed amount so
 * that a missing one is told apart from zero.
 */
@Schema(name = "CreateRefundRequest", description = "A refund; give the order as pay_order_id or mch_order_no.")
public record CreateRefundRequest(
        @Schema(description = "The order to refund (or give mch_order_no).", example = "po_2f9c1e0a")
        String payOrderId,
        @Schema(description = "The order to refund by the merchant's number (or give pay_order_id).")
        String mchOrderNo,
        @Schema(description = "The merchant's refund number, unique per app (the idempotency key).",
                pattern = "^[A-Za-z0-9_-]{1,32}$", example = "R1", requiredMode = RequiredMode.REQUIRED)
        String mchRefundNo,
        @Schema(description = "Minor units, a JSON integer; the order's refunds never add up past its amount.",
                minimum = "1", maximum = "100000000", example = "500", requiredMode = RequiredMode.REQUIRED)
        Long amount,
        @Schema(description = "Shown to the payer by some channels.", maxLength = 80)
        String reason) {
}
