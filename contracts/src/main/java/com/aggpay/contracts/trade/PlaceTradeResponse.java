package com.aggpay.contracts.trade;

import java.util.List;

/**
 * channel-router-service's answer: the one trade whose pay data may be handed out, and every attempt made.
 * A business outcome is a value, never an error status. {@code feeRatePpm} is the channel's fee rate when the
 * trade was opened (parts per million of the amount), so statements price the order at the rate it was taken at;
 * null when not known (e.g. an answer repeated for an earlier placement).
 */
public record PlaceTradeResponse(
        Outcome outcome,
        String channel,
        String outTradeNo,
        String payDataType,
        String payData,
        List<Attempt> attempts,
        Integer feeRatePpm) {

    public PlaceTradeResponse(Outcome outcome, String channel, String outTradeNo, String payDataType, String payData,
                              List<Attempt> attempts) {
        this(outcome, channel, outTradeNo, payDataType, payData, attempts, null);
    }

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
