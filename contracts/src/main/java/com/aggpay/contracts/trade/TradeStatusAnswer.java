package com.aggpay.contracts.trade;

/**
 * channel-router-service → order-service: a trade's state as its channel answered a query
 * ({@code GET /internal/trades/{out_trade_no}}). {@code status} is {@code NOT_PAID | PAYING | PAID | CLOSED | REFUNDED |
 * FAILED | UNKNOWN}; {@code UNKNOWN} means no trustworthy answer was had, so nothing may be concluded from it.
 * Amount in minor units; {@code paidAt} RFC 3339 or null.
 */
public record TradeStatusAnswer(String status, String channel, String channelTradeNo, String accountId, Long amount,
                                String currency, String paidAt) {

    public static final String PAID = "PAID";
    public static final String UNKNOWN = "UNKNOWN";

    public boolean paid() {
        return PAID.equals(status);
    }
}
