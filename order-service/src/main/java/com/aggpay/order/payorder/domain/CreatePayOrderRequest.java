package com.aggpay.order.payorder.domain;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.Map;

/** The body of {@code POST /api/v1/pay/orders} (snake_case on the wire). Validated by {@link PayOrderRules}. */
@Schema(name = "CreatePayOrderRequest", description = "A unified order.")
public record CreatePayOrderRequest(
        @Schema(description = "The merchant's order number, unique per app (the idempotency key).",
                pattern = "^[A-Za-z0-9_-]{1,32}$", example = "A20261126001", requiredMode = RequiredMode.REQUIRED)
        String mchOrderNo,
        @Schema(description = "Minor units (fen for CNY), a JSON integer: 12.5, \"100\" and 1e2 are refused.",
                minimum = "1", maximum = "100000000", example = "1234", requiredMode = RequiredMode.REQUIRED)
        Long amount,
        @Schema(description = "Defaults to CNY, the only currency accepted now.", allowableValues = "CNY",
                defaultValue = "CNY")
        String currency,
        @Schema(description = "How the payer pays.", requiredMode = RequiredMode.REQUIRED, example = "WX_NATIVE",
                allowableValues = {"WX_NATIVE", "WX_JSAPI", "WX_H5", "WX_APP", "ALI_QR", "ALI_WAP", "ALI_PC", "ALI_APP",
                        "ALI_JSAPI", "UP_QR", "UP_JSAPI", "QR_CASHIER"})
        String payWay,
        @Schema(description = "What is bought, shown to the payer.", minLength = 1, maxLength = 128, example = "Latte",
                requiredMode = RequiredMode.REQUIRED)
        String subject,
        @Schema(description = "A longer description.", maxLength = 512, example = "1 x latte")
        String body,
        @Schema(description = "Where the webhooks of this order go; an http(s) URL of at most 512 characters that "
                + "passes the webhook address rules. Defaults to the app's webhook URL.",
                format = "uri", example = "https://shop.example/hooks/pay")
        String notifyUrl,
        @Schema(description = "Seconds until an unpaid order is closed, up to the platform maximum (86400 by "
                + "default).", minimum = "60", example = "900",
                defaultValue = "900")
        Integer expireSeconds,
        @Schema(description = "The payer's IPv4 or IPv6 address (some channels require it).", example = "203.0.113.7")
        String clientIp,
        @Schema(description = "What the pay way needs beyond the order, e.g. openid for WX_JSAPI, buyer_id for "
                + "ALI_JSAPI, user_id (the payer's UnionPay appUserId) for UP_JSAPI; a JSON object of at most 4 KB.",
                example = "{\"openid\": \"o1x...\"}")
        Map<String, String> channelExtra,
        @Schema(description = "The merchant's own data, returned with the order and its webhooks: a JSON object of at "
                + "most 20 keys with string, number or boolean values, at most 4 KB.", example = "{\"table\": \"7\"}")
        Map<String, Object> metadata) {
}
