package com.aggpay.router.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The routing decision of DESIGN.md ("Routing and failover"): orders the candidates of one order, best first. It only
 * orders; the caller makes the calls and the fallbacks. A pure function: no I/O, no clock, no hidden randomness (every
 * draw comes from the {@code random} passed in), so a decision can be replayed from what was recorded on the order.
 *
 * <ul>
 *   <li>FIXED_PRIORITY: priority ascending, then channel name.</li>
 *   <li>WEIGHTED: a weighted random permutation; each place is drawn without replacement in proportion to the
 *       weights left, so over many orders the first choice splits by weight. Weight-0 channels come only after every
 *       positively weighted one, by priority.</li>
 *   <li>LOWEST_FEE: fee rate ascending, then priority, then name.</li>
 *   <li>SUCCESS_RATE: see {@link SuccessRateRanking}.</li>
 * </ul>
 */
public final class RoutingDecision {

    /** The last tie-breaker of every strategy, so that the input order never shows through. */
    static final Comparator<Candidate> BY_PRIORITY =
            Comparator.comparingInt(Candidate::priority).thenComparing(Candidate::channel);

    private static final Comparator<Candidate> BY_FEE =
            Comparator.comparingInt(Candidate::feeRatePpm).thenComparing(BY_PRIORITY);

    private RoutingDecision() {
    }

    /**
     * Candidates best first; the input order carries no meaning. Deterministic for a given RandomGenerator seed.
     *
     * @return an unmodifiable list holding each candidate exactly once
     * @throws IllegalArgumentException when two candidates share a channel name (a caller bug: one channel, one place)
     */
    public static List<Candidate> order(List<Candidate> candidates, RoutingPolicy policy, RandomGenerator random) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(random, "random");
        requireDistinctChannels(candidates);
        // random draws walk the list, so they start from one canonical order rather than from the caller's
        List<Candidate> canonical = new ArrayList<>(candidates);
        canonical.sort(BY_PRIORITY);
        List<Candidate> ordered = switch (policy.strategy()) {
            case FIXED_PRIORITY -> canonical;
            case WEIGHTED -> weighted(canonical, random);
            case LOWEST_FEE -> {
                canonical.sort(BY_FEE);
                yield canonical;
            }
            case SUCCESS_RATE -> SuccessRateRanking.rank(canonical, policy, random);
        };
        return List.copyOf(ordered);
    }

    /** Draws each place in proportion to the weights still in the pool; integer tickets, so shares are exact. */
    private static List<Candidate> weighted(List<Candidate> canonical, RandomGenerator random) {
        List<Candidate> pool = new ArrayList<>();
        List<Candidate> unweighted = new ArrayList<>();
        long total = 0; // up to 20 weights of Integer.MAX_VALUE do not fit an int
        for (Candidate c : canonical) {
            if (c.weight() > 0) {
                pool.add(c);
                total += c.weight();
            } else {
                unweighted.add(c);
            }
        }
        List<Candidate> ordered = new ArrayList<>(canonical.size());
        while (pool.size() > 1) {
            long ticket = random.nextLong(total);
            int i = 0;
            while (ticket >= pool.get(i).weight()) {
                ticket -= pool.get(i).weight();
                i++;
            }
            Candidate drawn = pool.remove(i);
            total -= drawn.weight();
            ordered.add(drawn);
        }
        ordered.addAll(pool);
        ordered.addAll(unweighted); // still in canonical order: by priority
        return ordered;
    }

    private static void requireDistinctChannels(List<Candidate> candidates) {
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
            Objects.requireNonNull(c, "candidate");
            if (!seen.add(c.channel())) {
                throw new IllegalArgumentException("channel " + c.channel() + " is a candidate twice");
            }
        }
    }
}
