package com.aggpay.contracts.trade;

/**
 * channel-router-service's {@code GET /internal/channels/fee-rates}: each channel's current fee rate, for merchant
 * statements and for the list of channels to reconcile.
 *
 * @param feeRatePpm parts per million of the amount (0.38 % = 3800)
 */
public record ChannelFeeRate(String channel, int feeRatePpm) {
}
