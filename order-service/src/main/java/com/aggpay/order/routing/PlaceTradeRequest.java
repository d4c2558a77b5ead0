package com.aggpay.order.routing;

import java.util.Map;

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
