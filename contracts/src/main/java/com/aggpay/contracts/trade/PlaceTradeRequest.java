package com.aggpay.contracts.trade;

import java.util.Map;

/**
 * order-service → channel-router-service: open a trade for this order (docs/internals.md). Amount in minor units;
 * {@code expiresAt} RFC 3339. JSON in snake_case (both services use a snake_case naming strategy).
 */
public record PlaceTradeRequest(
        String payOrderId,
        String mchNo,
        String appId,
        long amount,
        String currency,
        String payWay,
        String subject,
        String body,
        String clientIp,
        String expiresAt,
        Map<String, String> channelExtra) {
}
