package com.aggpay.simulator.ledger;

import java.time.OffsetDateTime;

/**
 * One trade in the simulator's ledger. Identity and create parameters are fixed; the state moves under the
 * trade's own lock, so a payment and a close racing on one trade cannot both win.
 *
 * @param kind         protocol-specific trade type (NATIVE, JSAPI, … / precreate, create, wap …)
 * @param createParams canonical create parameters, compared on a repeated create (idempotency)
 * @param createAnswer the body answered to the first create, answered again to an identical repeat
 */
public final class Trade {

    private final Protocol protocol;
    private final String account;
    private final String appId;
    private final String outTradeNo;
    private final String channelTradeNo;
    private final String payToken;
    private final String kind;
    private final long amount;
    private final String currency;
    private final String subject;
    private final String payerId;
    private final String notifyUrl;
    private final Object createParams;
    private final String createAnswer;
    private final OffsetDateTime createdAt;
    private TradeState state = TradeState.NOTPAY;
    private long refundedAmount;
    private OffsetDateTime paidAt;

    public Trade(Protocol protocol, String account, String appId, String outTradeNo, String channelTradeNo,
                 String payToken, String kind, long amount, String currency, String subject, String payerId,
                 String notifyUrl, Object createParams, String createAnswer, OffsetDateTime createdAt) {
        this.protocol = protocol;
        this.account = account;
        this.appId = appId;
        this.outTradeNo = outTradeNo;
        this.channelTradeNo = channelTradeNo;
        this.payToken = payToken;
        this.kind = kind;
        this.amount = amount;
        this.currency = currency;
        this.subject = subject;
        this.payerId = payerId;
        this.notifyUrl = notifyUrl;
        this.createParams = createParams;
        this.createAnswer = createAnswer;
        this.createdAt = createdAt;
    }

    /** NOTPAY → PAID; false for any other state (already paid, closed). */
    public synchronized boolean pay(OffsetDateTime now) {
        if (state != TradeState.NOTPAY) {
            return false;
        }
        state = TradeState.PAID;
        paidAt = now;
        return true;
    }

    /** NOTPAY or CLOSED → CLOSED (closing twice is fine, as upstream); false once paid. */
    public synchronized boolean close() {
        if (state == TradeState.CLOSED || state == TradeState.NOTPAY) {
            state = TradeState.CLOSED;
            return true;
        }
        return false;
    }

    /**
     * Takes {@code refund} off what is still refundable: false (nothing changes) unless the trade is paid and the
     * refunds together stay within the paid amount. Fully refunded → REFUNDED. Any protocol's refund calls this.
     */
    public synchronized boolean refund(long refund) {
        boolean paid = state == TradeState.PAID || state == TradeState.REFUNDED;
        if (!paid || refund < 1 || refund > amount - refundedAmount) {
            return false;
        }
        refundedAmount += refund;
        if (refundedAmount == amount) {
            state = TradeState.REFUNDED;
        }
        return true;
    }

    public synchronized TradeState state() {
        return state;
    }

    public synchronized long refundedAmount() {
        return refundedAmount;
    }

    public synchronized OffsetDateTime paidAt() {
        return paidAt;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String account() {
        return account;
    }

    public String appId() {
        return appId;
    }

    public String outTradeNo() {
        return outTradeNo;
    }

    public String channelTradeNo() {
        return channelTradeNo;
    }

    public String payToken() {
        return payToken;
    }

    public String kind() {
        return kind;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String subject() {
        return subject;
    }

    public String payerId() {
        return payerId;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public Object createParams() {
        return createParams;
    }

    public String createAnswer() {
        return createAnswer;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
