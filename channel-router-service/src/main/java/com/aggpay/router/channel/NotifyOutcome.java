package com.aggpay.router.channel;

import java.time.OffsetDateTime;

/** What a verified (or refused) channel callback says. */
public sealed interface NotifyOutcome {

    /**
     * A notification whose signature verified. {@code amount} is in minor units, converted by the adapter; the
     * order side still checks amount, currency, account and trade number against the stored order.
     */
    record Verified(String outTradeNo, String channelTradeNo, String accountId, long amount, String currency,
                    TradeStatus status, OffsetDateTime paidAt) implements NotifyOutcome {
    }

    /** Signature, decryption or format failed: a security event, never applied. */
    record Refused(String reason) implements NotifyOutcome {
    }
}
