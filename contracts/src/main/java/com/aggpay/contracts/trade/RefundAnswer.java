package com.aggpay.contracts.trade;

/**
 * channel-router-service's answer to a refund or refund query. A business outcome is a value, never an error
 * status. {@code amount} is what the channel says it refunded (minor units, only when SUCCEEDED).
 */
public record RefundAnswer(Outcome outcome, String channelRefundNo, long amount, String channelCode,
                           String message) {

    public enum Outcome {
        /** accepted upstream; the result comes by notification or query */
        PROCESSING,
        /** the money went back to the payer */
        SUCCEEDED,
        /** definitely not refunded */
        FAILED,
        /** nobody knows yet: ask again with the same out_refund_no, never release the amount */
        UNKNOWN
    }
}
