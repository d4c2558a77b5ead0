package com.aggpay.router.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operator may change on a channel. Amounts in minor units; {@code maxAmount} and {@code dailyCap} null = no
 * limit; {@code payWays} comma-separated and sorted, as stored.
 */
record ChannelSettings(boolean enabled, int priority, int weight, int feeRatePpm, long minAmount, Long maxAmount,
                       Long dailyCap, String payWays) {

    /** The fields by their API names, for the audit log. */
    Map<String, Object> asMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enabled", enabled);
        fields.put("priority", priority);
        fields.put("weight", weight);
        fields.put("fee_rate_ppm", feeRatePpm);
        fields.put("min_amount", minAmount);
        fields.put("max_amount", maxAmount);
        fields.put("daily_cap", dailyCap);
        fields.put("pay_ways", payWays);
        return fields;
    }
}
