package com.aggpay.router.admin;

import com.aggpay.router.channel.PayWay;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits an operator's channel settings must respect. Pure: the body, the current settings and the pay ways
 * the channel type's adapter can open go in; the new settings or a 400 naming the field come out.
 */
final class ChannelRules {

    static final Set<String> PATCHABLE = Set.of("enabled", "priority", "weight", "fee_rate_ppm", "min_amount",
            "max_amount", "daily_cap", "pay_ways");
    /** API.md: the largest order amount the platform takes. */
    static final long MAX_ORDER_AMOUNT = 100_000_000L;
    static final int MAX_PRIORITY = 10_000;
    static final int MAX_WEIGHT = 10_000;
    /** parts per million: 1,000,000 would be the whole amount */
    static final int MAX_FEE_RATE_PPM = 1_000_000;

    private ChannelRules() {
    }

    /** Applies the fields present in the body; absent ones keep their value, JSON null clears a limit. */
    static ChannelSettings patch(ChannelSettings current, JsonFields body, Set<PayWay> adapterPayWays) {
        boolean enabled = body.has("enabled") ? body.bool("enabled") : current.enabled();
        int priority = body.has("priority") ? (int) body.integer("priority", 0, MAX_PRIORITY) : current.priority();
        int weight = body.has("weight") ? (int) body.integer("weight", 0, MAX_WEIGHT) : current.weight();
        int feeRatePpm = body.has("fee_rate_ppm") ? (int) body.integer("fee_rate_ppm", 0, MAX_FEE_RATE_PPM)
                : current.feeRatePpm();
        long minAmount = body.has("min_amount") ? body.integer("min_amount", 1, MAX_ORDER_AMOUNT) : current.minAmount();
        Long maxAmount = body.has("max_amount") ? body.nullableInteger("max_amount", 1, MAX_ORDER_AMOUNT)
                : current.maxAmount();
        Long dailyCap = body.has("daily_cap") ? body.nullableInteger("daily_cap", 1, Long.MAX_VALUE / 2)
                : current.dailyCap();
        String payWays = body.has("pay_ways") ? payWays(body.strings("pay_ways"), adapterPayWays) : current.payWays();
        if (maxAmount != null && maxAmount < minAmount) {
            // Name the field the operator sent; with both sent, the maximum is the one said to be too low.
            String param = body.has("max_amount") || !body.has("min_amount") ? "max_amount" : "min_amount";
            throw JsonFields.invalid(param, "leaves max_amount (" + maxAmount + ") below min_amount (" + minAmount + ")");
        }
        return new ChannelSettings(enabled, priority, weight, feeRatePpm, minAmount, maxAmount, dailyCap, payWays);
    }

    /** Known, not repeated, and openable by the channel type's adapter; stored sorted, comma-separated. */
    static String payWays(List<String> names, Set<PayWay> adapterPayWays) {
        if (names.isEmpty()) {
            throw JsonFields.invalid("pay_ways", "must name at least one pay way");
        }
        Set<PayWay> ways = EnumSet.noneOf(PayWay.class);
        for (String name : names) {
            PayWay way = parse(name);
            if (way == null || !adapterPayWays.contains(way)) {
                throw JsonFields.invalid("pay_ways", "may hold only pay ways this channel type supports: "
                        + adapterPayWays.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
            }
            if (!ways.add(way)) {
                throw JsonFields.invalid("pay_ways", "names " + name + " twice");
            }
        }
        return ways.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static PayWay parse(String name) {
        for (PayWay way : PayWay.values()) {
            if (way.name().equals(name)) {
                return way;
            }
        }
        return null;
    }
}
