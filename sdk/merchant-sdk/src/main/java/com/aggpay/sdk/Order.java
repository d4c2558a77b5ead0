package com.aggpay.sdk;

import java.time.OffsetDateTime;
import java.util.Map;

/** The order object (API.md, "The order object"); amounts in minor units (fen for CNY). */
public record Order(String payOrderId, String mchNo, String appId, String mchOrderNo, long amount, String currency,
                    PayWay payWay, String subject, OrderState state, String channel, String channelTradeNo,
                    PayDataType payDataType, String payData, long refundedAmount, OffsetDateTime createdAt,
                    OffsetDateTime expiresAt, OffsetDateTime paidAt, Map<String, Object> metadata) {
}
