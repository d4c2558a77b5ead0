package com.aggpay.order.payorder;

import java.util.Map;

/** The public order object (API.md, "The order object"); also the {@code data} of payment events. */
public record PayOrderView(
        String payOrderId,
        String mchNo,
        String appId,
        String mchOrderNo,
        long amount,
        String currency,
        String payWay,
        String subject,
        String state,
        String channel,
        String channelTradeNo,
        String payDataType,
        String payData,
        long refundedAmount,
        String createdAt,
        String expiresAt,
        String paidAt,
        Map<String, Object> metadata) {
}
