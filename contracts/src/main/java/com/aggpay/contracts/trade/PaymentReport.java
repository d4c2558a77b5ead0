package com.aggpay.contracts.trade;

/**
 * channel-router-service → order-service: a payment a channel reported, after its signature and account verified.
 * Amount in minor units; {@code paidAt} RFC 3339 or null.
 */
public record PaymentReport(String channel, String channelTradeNo, String accountId, long amount, String currency,
                            String paidAt) {
}
