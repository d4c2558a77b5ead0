package com.aggpay.router.admin;

import java.time.LocalDateTime;

/** The non-secret columns of a {@code channel_instance} row, in select order (MyBatis maps by constructor). */
record ChannelConfigRow(String name, String type, String accountId, String payWays, boolean enabled, int priority,
                        int weight, int feeRatePpm, long minAmount, Long maxAmount, Long dailyCap, String apiBaseUrl,
                        LocalDateTime createdAt, LocalDateTime updatedAt) {

    ChannelSettings settings() {
        return new ChannelSettings(enabled, priority, weight, feeRatePpm, minAmount, maxAmount, dailyCap, payWays);
    }
}
