package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.TradeStatus;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Reads verified UnionPay fields (a notification, or a query answer) into our outcomes, after checking they belong to
 * this channel and carry what the order side compares: merId, orderId, a whole positive txnAmt, currency 156.
 */
final class UpNotifications {

    private UpNotifications() {
    }

    /** @param codeField {@code respCode} in a notification, {@code origRespCode} in a query answer */
    static Optional<NotifyOutcome> payment(Map<String, String> f, ChannelInstance channel, ZonedDateTime now,
                                           String codeField) {
        long amount = UpMapper.fen(f.get("txnAmt"));
        String currency = UpMapper.currency(f.get("currencyCode"));
        String orderId = f.get("orderId");
        if (!channel.accountId().equals(f.get("merId")) || orderId == null || orderId.isEmpty() || amount < 0
                || currency == null) {
            return Optional.empty();
        }
        TradeStatus status = UpMapper.status(f.get("txnType"), f.get(codeField));
        return Optional.of(new NotifyOutcome.Verified(orderId, f.get("queryId"), f.get("merId"), amount, currency,
                status, status == TradeStatus.PAID ? UpMapper.traceTime(f.get("traceTime"), now) : null));
    }

    /**
     * A refund notification (txnType 04): orderId is our refund number, reqReserved our trade number (we sent it),
     * queryId UnionPay's refund number. Only a final respCode is accepted; 03/04/05 are refused so it comes again.
     */
    static Optional<RefundNotifyOutcome> refund(Map<String, String> f, ChannelInstance channel, ZonedDateTime now) {
        long amount = UpMapper.fen(f.get("txnAmt"));
        String refundNo = f.get("orderId");
        UpMapper.Answer answer = UpMapper.answer(f.get("respCode"));
        if (!"04".equals(f.get("txnType")) || !channel.accountId().equals(f.get("merId")) || refundNo == null
                || refundNo.isEmpty() || amount < 0 || UpMapper.currency(f.get("currencyCode")) == null
                || answer == UpMapper.Answer.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(new RefundNotifyOutcome.Verified(f.get("reqReserved"), refundNo, f.get("queryId"),
                f.get("merId"), amount, answer == UpMapper.Answer.SUCCESS, UpMapper.traceTime(f.get("traceTime"), now)));
    }
}
