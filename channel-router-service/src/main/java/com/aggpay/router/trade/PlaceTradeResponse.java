package com.aggpay.router.trade;

import java.util.List;

/** The router's answer: the one trade whose pay data may be handed out, and every attempt made. */
public record PlaceTradeResponse(
        Outcome outcome,
        String channel,
        String outTradeNo,
        String payDataType,
        String payData,
        List<Attempt> attempts) {

    public enum Outcome { ACCEPTED, PAID, NO_CHANNEL_AVAILABLE }

    public record Attempt(int seq, String channel, String outTradeNo, String outcome, String channelCode,
                          long latencyMs) {
    }
}
