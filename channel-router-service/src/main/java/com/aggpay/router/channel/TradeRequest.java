package com.aggpay.router.channel;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the platform asks a channel to open. {@code amount} is in minor units (fen); adapters convert at their edge.
 * {@code outTradeNo} is the platform's trade number for this attempt: a retry on the same channel reuses it with
 * identical parameters.
 */
public record TradeRequest(
        String outTradeNo,
        PayWay payWay,
        long amount,
        String currency,
        String subject,
        String body,
        String clientIp,
        OffsetDateTime expiresAt,
        Map<String, String> channelExtra) {
}
