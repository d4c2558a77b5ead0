package com.aggpay.router.routing;

import java.util.Objects;

/**
 * One channel that may take the order: already contracted, enabled, within its limits and quota, breaker closed.
 *
 * @param channel    channel instance name; unique within one routing decision and the last tie-breaker
 * @param priority   lower goes first (FIXED_PRIORITY, and the tie-breaker of every other strategy)
 * @param weight     WEIGHTED share, >= 0; 0 = only after every positively weighted channel
 * @param feeRatePpm fee rate in parts per million of the amount (0.38 % = 3800), >= 0
 * @param stats      recent outcomes for this order's pay way ({@link WindowStats#NONE} when unknown)
 */
public record Candidate(String channel, int priority, int weight, int feeRatePpm, WindowStats stats) {

    public Candidate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(stats, "stats");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0, was " + weight + " for " + channel);
        }
        if (feeRatePpm < 0) {
            throw new IllegalArgumentException("feeRatePpm must be >= 0, was " + feeRatePpm + " for " + channel);
        }
    }
}
