package com.aggpay.router.channel;

import java.util.Set;
import org.springframework.http.ResponseEntity;

/**
 * One upstream protocol. Adapters do the HTTP mechanics, signing and mapping; they never decide routing or
 * failover (that is the router's job, from the {@link TradeOutcome} class they return) and never throw for an
 * upstream failure: every failure is classified.
 *
 * <p>Capabilities grow per issue (query, close, refund, bills); an adapter that lacks one says so in
 * {@link #payWays()} or by failing loudly with {@link UnsupportedOperationException}.
 */
public interface ChannelAdapter {

    ChannelType type();

    /** The pay ways this adapter can open. */
    Set<PayWay> payWays();

    TradeOutcome createTrade(ChannelInstance channel, TradeRequest request);

    /** Verify and decode a payment notification; never trusts anything before the signature verifies. */
    NotifyOutcome verifyPaymentNotification(ChannelInstance channel, ChannelNotification notification);

    /** The channel's own "received, stop retrying" answer (WeChat v3: 204; Alipay: {@code success}). */
    ResponseEntity<String> acknowledge();

    /** The channel's own "not accepted, send again" answer. */
    ResponseEntity<String> refuse(String reason);
}
