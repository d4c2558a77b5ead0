package com.aggpay.order.refund;

import io.swagger.v3.oas.annotations.media.Schema;

/** The public refund object (API.md); also the {@code data} of refund events. */
@Schema(name = "Refund", description = "A refund of a paid order.")
public record RefundView(
        @Schema(description = "The platform's refund id.", example = "rf_8d1e2c3b")
        String refundId,
        @Schema(description = "The refunded order.", example = "po_2f9c1e0a")
        String payOrderId,
        @Schema(description = "The merchant's refund number, unique per app.", example = "R1")
        String mchRefundNo,
        @Schema(description = "Minor units.", example = "500")
        long amount,
        @Schema(allowableValues = {"PROCESSING", "SUCCESS", "FAILED"})
        String state,
        @Schema(description = "RFC 3339 with offset.", example = "2026-11-26T11:00:00+08:00")
        String createdAt,
        @Schema(description = "RFC 3339; null until SUCCESS.")
        String succeededAt) {
}
