package com.aggpay.router.channel;

/**
 * The class of a create-trade outcome (CHANNELS.md, "Outcome classes"); it decides failover.
 */
public sealed interface TradeOutcome {

    /** The channel opened the trade and returned the pay data: hand it out. */
    record Accepted(PayDataType payDataType, String payData) implements TradeOutcome {
    }

    /** The channel definitely did not open a trade: safe to try the next candidate. */
    record Rejected(String channelCode, String message) implements TradeOutcome {
    }

    /** The trade may exist upstream but nobody has its pay data: orphan it and close it in the background. */
    record Unknown(String channelCode, String message) implements TradeOutcome {
    }

    /** The trade is already paid upstream (a retry of a paid trade): the order is paid, stop. */
    record Paid(String channelCode) implements TradeOutcome {
    }
}
