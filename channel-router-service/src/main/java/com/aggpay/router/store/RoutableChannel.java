package com.aggpay.router.store;

import com.aggpay.router.channel.ChannelInstance;

/** A channel the merchant may use for an amount, with what routing needs to rank it and the quota to check. */
public record RoutableChannel(ChannelInstance instance, int priority, int weight, int feeRatePpm, Long dailyCap) {

    public String name() {
        return instance.name();
    }
}
