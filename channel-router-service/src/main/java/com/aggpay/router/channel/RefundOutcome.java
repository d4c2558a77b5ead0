package com.aggpay.router.channel;

import java.time.OffsetDateTime;

/** What a refund request or refund query came to; like {@link TradeOutcome}, every failure is classified. */
public sealed interface RefundOutcome {

    /** Accepted; the result comes later by notification or query. */
    record Processing(String channelRefundNo) implements RefundOutcome {
    }

    /** The money went back to the payer. {@code amount} as the channel reports it, in minor units. */
    record Succeeded(String channelRefundNo, long amount, OffsetDateTime succeededAt) implements RefundOutcome {
    }

    /** Definitely not refunded (e.g. not enough refundable, trade not paid): safe to report as failed. */
    record Failed(String channelCode, String message) implements RefundOutcome {
    }

    /** Nobody knows yet (timeout, 5xx, bad signature): query with the same refund number. */
    record Unknown(String channelCode, String message) implements RefundOutcome {
    }
}
