package com.aggpay.router.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Candidate lists with varied priorities, weights, fees and windows, shared by the tests and the benchmark. */
final class RoutingFixtures {

    private RoutingFixtures() {
    }

    static List<Candidate> candidates(int size, RandomGenerator random) {
        List<Candidate> candidates = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int samples = random.nextInt(120); // some below any sensible minSample, some never tried
            int successes = samples == 0 ? 0 : samples - random.nextInt(1 + samples / 5);
            candidates.add(new Candidate("channel-" + i, random.nextInt(5), random.nextInt(4) * 10,
                    3800 + 200 * random.nextInt(12), new WindowStats(samples, successes)));
        }
        return candidates;
    }
}
