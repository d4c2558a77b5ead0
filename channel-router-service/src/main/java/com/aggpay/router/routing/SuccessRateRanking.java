package com.aggpay.router.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * SUCCESS_RATE: ranks by the recent success rate for the order's pay way, with exploration.
 *
 * <p>A channel with at least {@code minSample} samples (and at least one) is <em>measured</em> and ranked by its own
 * rate. A channel with fewer is ranked by an estimate that fills its missing samples with the pooled rate of all
 * candidates: {@code (successes + (minSample - samples) * pooled) / minSample}. Why not simply put such channels
 * first, or last, by priority:
 * <ul>
 *   <li>last would leave a degraded but measured channel (say 60 %) ahead of a channel nobody has tried, and a
 *       recovered channel whose old window aged out would stay behind it for good on a quiet platform, since it gets
 *       too few attempts to reach {@code minSample} again;</li>
 *   <li>first would let a channel with {@code minSample - 1} recent failures jump ahead of healthy ones, and a broken
 *       channel that is avoided would come back to the front each time its window thinned out (flapping).</li>
 * </ul>
 * With the blend, a never-tried channel starts as an average one (behind the healthy, ahead of the degraded, ties
 * among them by priority), every real outcome moves it, and the estimate meets the measured rate exactly at
 * {@code minSample}. On an exact tie a measured channel goes first: evidence beats assumption. With no samples at all
 * every channel ties and the order is by priority.
 *
 * <p>Exploration: with probability {@code explorationShare} a uniformly chosen non-first candidate moves to the front
 * (the others keep their order, so the leader becomes the first fallback). This is what keeps a channel that has never
 * been tried, or has recovered behind a leader, producing fresh outcomes; its rate then brings it forward on its own.
 * A channel that is down is the circuit breaker's business: it never reaches this ranking.
 */
final class SuccessRateRanking {

    private SuccessRateRanking() {
    }

    static List<Candidate> rank(List<Candidate> canonical, RoutingPolicy policy, RandomGenerator random) {
        int trusted = Math.max(policy.minSample(), 1); // zero samples never count as a measured 0 %
        double pooled = pooledRate(canonical);
        List<Candidate> ranked = new ArrayList<>(canonical);
        ranked.sort(Comparator.<Candidate>comparingDouble(c -> estimate(c.stats(), trusted, pooled)).reversed()
                .thenComparingInt(c -> c.stats().samples() >= trusted ? 0 : 1)
                .thenComparing(RoutingDecision.BY_PRIORITY));
        explore(ranked, policy.explorationShare(), random);
        return ranked;
    }

    static double estimate(WindowStats stats, int trusted, double pooled) {
        if (stats.samples() >= trusted) {
            return stats.successRate();
        }
        if (stats.samples() == 0) {
            return pooled; // the blend below, without its rounding: an exact tie with a lone measured channel
        }
        return (stats.successes() + (trusted - stats.samples()) * pooled) / trusted;
    }

    /** Successes over samples of all candidates; with nothing known, every channel is presumed to work. */
    private static double pooledRate(List<Candidate> candidates) {
        long samples = 0;
        long successes = 0;
        for (Candidate c : candidates) {
            samples += c.stats().samples();
            successes += c.stats().successes();
        }
        return samples == 0 ? 1.0 : (double) successes / samples;
    }

    private static void explore(List<Candidate> ranked, double share, RandomGenerator random) {
        if (ranked.size() < 2 || share == 0.0) {
            return;
        }
        if (random.nextDouble() < share) {
            Candidate explored = ranked.remove(1 + random.nextInt(ranked.size() - 1));
            ranked.add(0, explored);
        }
    }
}
