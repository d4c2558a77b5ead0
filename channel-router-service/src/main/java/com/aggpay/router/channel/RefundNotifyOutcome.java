package com.aggpay.router.channel;

import java.time.OffsetDateTime;

/** A refund notification after verification (signature, decryption), or why it was refused. */
public sealed interface RefundNotifyOutcome {

    /** @param succeeded true when the money went back; false when the channel reports the refund failed */
    record Verified(String outTradeNo, String outRefundNo, String channelRefundNo, String accountId, long amount,
                    boolean succeeded, OffsetDateTime at) implements RefundNotifyOutcome {
    }

    record Refused(String reason) implements RefundNotifyOutcome {
    }
}
