package com.aggpay.contracts.trade;

/**
 * channel-router-service → order-service: what closing a trade upstream gave ({@code POST
 * /internal/trades/{out_trade_no}/close}). {@code status} is {@code CLOSED} (closed or never existed: it can never be
 * paid), {@code PAID} (too late, the payer paid) or {@code UNKNOWN} (no clear answer: the trade may still take money).
 */
public record CloseTradeAnswer(String status) {

    public static final String CLOSED = "CLOSED";
    public static final String PAID = "PAID";
    public static final String UNKNOWN = "UNKNOWN";
}
