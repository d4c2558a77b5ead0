package com.aggpay.router.trade;

import java.util.Map;

/** order-service's request for a trade (docs/internals.md). Amount in minor units. */
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
