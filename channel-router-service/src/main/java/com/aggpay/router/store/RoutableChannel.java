package com.aggpay.router.store;

import com.aggpay.router.channel.ChannelInstance;

/**
 * A channel the merchant may use for an amount, with what routing needs to rank it and the quotas to check: the
 * channel's daily cap and the merchant's own cap on it (null = none).
 */
public record RoutableChannel(ChannelInstance instance, int priority, int weight, int feeRatePpm, Long dailyCap,
                              Long merchantDailyCap) {

    public String name() {
        return instance.name();
    }
}
