package com.aggpay.contracts.trade;

import java.util.List;

/**
 * channel-router-service's answer: the one trade whose pay data may be handed out, and every attempt made.
 * A business outcome is a value, never an error status.
 */
public record PlaceTradeResponse(
        Outcome outcome,
        String channel,
        String outTradeNo,
        String payDataType,
        String payData,
        List<Attempt> attempts) {

    public enum Outcome {
        /** pay data of exactly one trade */
        ACCEPTED,
        /** that trade is already paid upstream */
        PAID,
        NO_CHANNEL_AVAILABLE
    }

    /** @param outcome {@code ACCEPTED | REJECTED | UNKNOWN | PAID} (CHANNELS.md, "Outcome classes") */
    public record Attempt(int seq, String channel, String outTradeNo, String outcome, String channelCode,
                          long latencyMs) {
    }
}
