package com.aggpay.router.routing;

/**
 * Recent attempt outcomes of one channel for one pay way (a sliding window kept by the caller).
 *
 * @param samples   attempts in the window
 * @param successes attempts among them that succeeded
 */
public record WindowStats(int samples, int successes) {

    /** A channel nobody has tried recently. */
    public static final WindowStats NONE = new WindowStats(0, 0);

    public WindowStats {
        if (samples < 0 || successes < 0 || successes > samples) {
            throw new IllegalArgumentException("need 0 <= successes <= samples, was " + successes + "/" + samples);
        }
    }

    /**
     * Successes per sample; 0 with no samples. SUCCESS_RATE does not read that 0 as "always fails": a channel without
     * samples is ranked by a prior instead (see {@link RoutingDecision}).
     */
    public double successRate() {
        return samples == 0 ? 0.0 : (double) successes / samples;
    }
}
