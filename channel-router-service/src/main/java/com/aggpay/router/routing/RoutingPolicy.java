package com.aggpay.router.routing;

import java.util.Objects;

/**
 * The merchant's or the platform's routing choice.
 *
 * @param minSample        SUCCESS_RATE only: recent attempts a channel needs before its own success rate is trusted
 *                         on its own (fewer are blended with the candidates' pooled rate, see {@link RoutingDecision})
 * @param explorationShare SUCCESS_RATE only: share of orders, 0..1, on which a uniformly chosen non-first candidate is
 *                         tried first, so channels behind the leader keep producing fresh outcomes
 */
public record RoutingPolicy(Strategy strategy, int minSample, double explorationShare) {

    public RoutingPolicy {
        Objects.requireNonNull(strategy, "strategy");
        if (minSample < 0) {
            throw new IllegalArgumentException("minSample must be >= 0, was " + minSample);
        }
        // written so that NaN fails too
        if (!(explorationShare >= 0.0 && explorationShare <= 1.0)) {
            throw new IllegalArgumentException("explorationShare must be within 0..1, was " + explorationShare);
        }
    }
}
