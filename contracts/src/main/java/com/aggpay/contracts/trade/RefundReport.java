package com.aggpay.contracts.trade;

/**
 * channel-router-service → order-service: a refund result a channel reported, after its signature and account
 * verified. Amount in minor units; {@code at} RFC 3339 or null.
 */
public record RefundReport(String channel, String outTradeNo, String channelRefundNo, String accountId, long amount,
                           boolean succeeded, String at) {
}
