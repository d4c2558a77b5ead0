package com.aggpay.order.routing;

import java.util.List;

/**
 * The router's answer. {@code outcome}: {@code ACCEPTED} (pay data of exactly one trade), {@code PAID} (that trade
 * is already paid upstream) or {@code NO_CHANNEL_AVAILABLE}; every attempt is listed either way.
 */
public record PlaceTradeResponse(
        String outcome,
        String channel,
        String outTradeNo,
        String payDataType,
        String payData,
        List<Attempt> attempts) {

    public record Attempt(int seq, String channel, String outTradeNo, String outcome, String channelCode,
                          long latencyMs) {
    }
}
