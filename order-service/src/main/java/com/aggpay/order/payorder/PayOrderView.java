package com.aggpay.order.payorder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The public order object (API.md, "The order object"); also the {@code data} of payment events. */
@Schema(name = "PayOrder", description = "A payment order.")
public record PayOrderView(
        @Schema(description = "The platform's order id.", example = "po_2f9c1e0a")
        String payOrderId,
        @Schema(description = "The merchant's number.", example = "M10001")
        String mchNo,
        @Schema(description = "The app that created the order.", example = "demo-app")
        String appId,
        @Schema(description = "The merchant's order number, unique per app.", example = "A20261126001")
        String mchOrderNo,
        @Schema(description = "Minor units (fen for CNY).", example = "1234")
        long amount,
        @Schema(example = "CNY")
        String currency,
        @Schema(example = "WX_NATIVE")
        String payWay,
        @Schema(example = "Latte")
        String subject,
        @Schema(description = "PAYING, then SUCCESS, FAILED or CLOSED. SUCCESS is final (a payment reported for a "
                + "closed or failed order makes it SUCCESS).",
                allowableValues = {"PAYING", "SUCCESS", "FAILED", "CLOSED"})
        String state,
        @Schema(description = "The platform channel the trade was opened on; null before one was chosen.",
                example = "wxpay-a")
        String channel,
        @Schema(description = "The channel's trade number; null until the channel reports one.")
        String channelTradeNo,
        @Schema(description = "How to use pay_data: CODE_URL (render as QR), PAY_URL (open in a browser), FORM (HTML "
                + "to submit), JSAPI_PARAMS / APP_PARAMS (JSON for the wallet SDK) or NONE.",
                allowableValues = {"CODE_URL", "PAY_URL", "FORM", "JSAPI_PARAMS", "APP_PARAMS", "NONE"})
        String payDataType,
        @Schema(description = "What the payer needs to pay, as pay_data_type says.",
                example = "weixin://wxpay/bizpayurl?pr=abc")
        String payData,
        @Schema(description = "Minor units refunded so far.", example = "0")
        long refundedAmount,
        @Schema(description = "RFC 3339 with offset.", example = "2026-11-26T10:00:00+08:00")
        String createdAt,
        @Schema(description = "When an unpaid order is closed, RFC 3339.", example = "2026-11-26T10:15:00+08:00")
        String expiresAt,
        @Schema(description = "When it was paid, RFC 3339; null until then.")
        String paidAt,
        @Schema(description = "The merchant's metadata, as given at creation.")
        Map<String, Object> metadata) {
}
