package com.aggpay.order.payment;

/**
 * A payment a channel reported and the router verified (signature, account). Amount in minor units.
 * {@code paidAt} is RFC 3339 or null.
 */
public record ChannelPaymentReport(String channel, String channelTradeNo, String accountId, long amount,
                                   String currency, String paidAt) {
}
