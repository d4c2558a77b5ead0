package com.aggpay.router.channel;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.http.ResponseEntity;

/**
 * One upstream protocol. Adapters do the HTTP mechanics, signing and mapping; they never decide routing or
 * failover (that is the router's job, from the {@link TradeOutcome} class they return) and never throw for an
 * upstream failure: every failure is classified.
 *
 * <p>Besides opening trades, an adapter declares what else it can do in {@link #capabilities()}; an operation it
 * lacks fails loudly with {@link UnsupportedOperationException}, never silently.
 */
public interface ChannelAdapter {

    ChannelType type();

    /** The pay ways this adapter can open. */
    Set<PayWay> payWays();

    /** Everything beyond {@link #createTrade}: query, close, refund, refund query and notification, bills. */
    Set<Capability> capabilities();

    TradeOutcome createTrade(ChannelInstance channel, TradeRequest request);

    /**
     * The trade's state upstream. {@link NotifyOutcome.Verified} is a signed, verified statement of the channel
     * (its {@code status} mapped by the adapter's exhaustive switch); {@link NotifyOutcome.Refused} means no
     * trustworthy answer was had (timeout, 5xx, bad signature): try again later.
     */
    default NotifyOutcome queryTrade(ChannelInstance channel, String outTradeNo) {
        throw unsupported(Capability.QUERY);
    }

    /**
     * Closes an unpaid trade so it can never be paid: {@link TradeStatus#CLOSED} when it is closed or never existed,
     * {@link TradeStatus#PAID} when it was paid (then it cannot be closed), {@link TradeStatus#UNKNOWN} when the
     * channel gave no clear answer: try again.
     */
    default TradeStatus closeTrade(ChannelInstance channel, String outTradeNo) {
        throw unsupported(Capability.CLOSE);
    }

    default RefundOutcome refund(ChannelInstance channel, RefundRequest request) {
        throw unsupported(Capability.REFUND);
    }

    default RefundOutcome queryRefund(ChannelInstance channel, String outTradeNo, String outRefundNo) {
        throw unsupported(Capability.REFUND_QUERY);
    }

    default RefundNotifyOutcome verifyRefundNotification(ChannelInstance channel, ChannelNotification notification) {
        throw unsupported(Capability.REFUND_NOTIFY);
    }

    /**
     * True when a notification that arrived at the payment callback path really announces a refund (Alipay sends
     * both to one URL). Looks at the shape only; trust still comes from {@link #verifyRefundNotification}.
     */
    default boolean announcesRefund(ChannelNotification notification) {
        return false;
    }

    /** Downloads and parses the channel's bill of one day (the channel's own calendar day, Asia/Shanghai). */
    default ChannelBill downloadBill(ChannelInstance channel, LocalDate day) {
        throw unsupported(Capability.BILL);
    }

    /** Verify and decode a payment notification; never trusts anything before the signature verifies. */
    NotifyOutcome verifyPaymentNotification(ChannelInstance channel, ChannelNotification notification);

    /** The channel's own "received, stop retrying" answer (WeChat v3: 204; Alipay: {@code success}). */
    ResponseEntity<String> acknowledge();

    /**
     * The channel's own "not accepted, send again" answer for a notification we refuse (malformed, unverified,
     * foreign, or rejected by the order): a 4xx status with the channel's failure body, never a 500.
     */
    ResponseEntity<String> refuse(String reason);

    /**
     * The channel's failure answer when the notification was fine but could not be stored now (order-service
     * unreachable): the same body as {@link #refuse}, status 503, so the channel sends it again later.
     */
    default ResponseEntity<String> retryLater(String reason) {
        ResponseEntity<String> refusal = refuse(reason);
        return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
                .headers(refusal.getHeaders()).body(refusal.getBody());
    }

    private UnsupportedOperationException unsupported(Capability capability) {
        return new UnsupportedOperationException(type() + " adapter cannot " + capability);
    }
}
