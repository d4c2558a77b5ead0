package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.NotifyOutcome;
import com.wechat.pay.java.service.payments.model.Transaction;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Checks a decrypted transaction belongs to this channel and carries what the order side needs to compare. */
final class WxV3Notifications {

    private WxV3Notifications() {
    }

    static Optional<NotifyOutcome> verified(ChannelInstance channel, Transaction t) {
        if (t == null || !channel.accountId().equals(t.getMchid()) || t.getOutTradeNo() == null
                || t.getAmount() == null || t.getAmount().getTotal() == null || t.getAmount().getCurrency() == null) {
            return Optional.empty();
        }
        OffsetDateTime paidAt;
        try {
            paidAt = t.getSuccessTime() == null ? null : OffsetDateTime.parse(t.getSuccessTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new NotifyOutcome.Verified(t.getOutTradeNo(), t.getTransactionId(), t.getMchid(),
                t.getAmount().getTotal(), t.getAmount().getCurrency(), WxV3Mapper.status(t.getTradeState()), paidAt));
    }
}
