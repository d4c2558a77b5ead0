package com.aggpay.order.payorder.domain;

import java.util.Map;

/** The body of {@code POST /api/v1/pay/orders} (snake_case on the wire). Validated by {@link PayOrderRules}. */
public record CreatePayOrderRequest(
        String mchOrderNo,
        Long amount,
        String currency,
        String payWay,
        String subject,
        String body,
        String notifyUrl,
        Integer expireSeconds,
        String clientIp,
        Map<String, String> channelExtra,
        Map<String, Object> metadata) {
}
