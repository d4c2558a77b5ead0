package com.aggpay.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoutingDecisionSuccessRateTest {

    /** minSample 20, no exploration: the ranking alone. */
    static final RoutingPolicy RANKING_ONLY = new RoutingPolicy(Strategy.SUCCESS_RATE, 20, 0.0);

    static Candidate aChannel(String name, int priority, int samples, int successes) {
        return new Candidate(name, priority, 1, 3800, new WindowStats(samples, successes));
    }

    static List<String> order(List<Candidate> candidates, RoutingPolicy policy, long seed) {
        return RoutingDecision.order(candidates, policy, new SplittableRandom(seed)).stream()
                .map(Candidate::channel).toList();
    }

    @Test
    void the_healthier_channel_goes_first_whatever_its_priority() {
        List<Candidate> candidates = List.of(aChannel("preferred-but-flaky", 1, 100, 80),
                aChannel("healthy", 9, 100, 99));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("healthy", "preferred-but-flaky");
    }

    @Test
    void equal_success_rates_fall_back_to_priority() {
        List<Candidate> candidates = List.of(aChannel("b", 2, 100, 95), aChannel("a", 3, 40, 38),
                aChannel("c", 1, 20, 19));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("c", "b", "a");
    }

    @Test
    void with_no_samples_anywhere_the_order_is_by_priority() {
        List<Candidate> candidates = List.of(aChannel("b", 2, 0, 0), aChannel("a", 1, 0, 0), aChannel("c", 3, 0, 0));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("a", "b", "c");
    }

    @Test
    void a_never_tried_channel_ranks_behind_healthy_channels_and_ahead_of_degraded_ones() {
        List<Candidate> candidates = List.of(aChannel("healthy", 5, 200, 198), aChannel("degraded", 1, 100, 60),
                aChannel("new", 9, 0, 0));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("healthy", "new", "degraded");
    }

    @Test
    void a_channel_with_several_recent_failures_drops_behind_a_healthy_one_before_reaching_min_sample() {
        List<Candidate> candidates = List.of(aChannel("failing", 1, 8, 2), aChannel("healthy", 2, 100, 97));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("healthy", "failing");
    }

    @Test
    void a_never_tried_channel_does_not_overtake_a_measured_one_on_an_exact_tie() {
        // the only measured channel sets the pooled rate, so the newcomer's estimate equals its rate
        List<Candidate> candidates = List.of(aChannel("new", 1, 0, 0), aChannel("measured", 5, 100, 97));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("measured", "new");
    }

    @Test
    void a_recovered_channel_gets_the_lead_back_on_a_few_successes_when_it_does_better_than_the_leader() {
        List<Candidate> candidates = List.of(aChannel("degraded-leader", 1, 100, 80),
                aChannel("recovered", 2, 5, 5));

        assertThat(order(candidates, RANKING_ONLY, 1)).containsExactly("recovered", "degraded-leader");
    }

    @Test
    void with_min_sample_zero_an_untried_channel_is_not_taken_for_one_that_always_fails() {
        RoutingPolicy rawRates = new RoutingPolicy(Strategy.SUCCESS_RATE, 0, 0.0);
        List<Candidate> candidates = List.of(aChannel("failing", 1, 3, 0), aChannel("untried", 2, 0, 0),
                aChannel("healthy", 3, 10, 10));

        assertThat(order(candidates, rawRates, 1)).containsExactly("healthy", "untried", "failing");
    }

    @Test
    void the_exploration_share_puts_a_non_first_candidate_first_about_as_often_as_configured() {
        RoutingPolicy policy = new RoutingPolicy(Strategy.SUCCESS_RATE, 20, 0.1);
        List<Candidate> candidates = List.of(aChannel("best", 1, 100, 99), aChannel("second", 2, 100, 95),
                aChannel("third", 3, 100, 90), aChannel("fourth", 4, 100, 85));
        SplittableRandom random = new SplittableRandom(2024);
        Map<String, Integer> firsts = new HashMap<>();

        for (int i = 0; i < 10_000; i++) {
            firsts.merge(RoutingDecision.order(candidates, policy, random).get(0).channel(), 1, Integer::sum);
        }

        assertThat(1 - firsts.get("best") / 10_000.0).isCloseTo(0.10, within(0.01));
        // the explored channel is chosen uniformly among the others
        for (String other : List.of("second", "third", "fourth")) {
            assertThat(firsts.get(other) / 10_000.0).isCloseTo(0.10 / 3, within(0.01));
        }
    }

    @Test
    void an_explored_channel_goes_first_and_the_leader_becomes_the_first_fallback() {
        RoutingPolicy alwaysExplore = new RoutingPolicy(Strategy.SUCCESS_RATE, 20, 1.0);
        List<Candidate> candidates = List.of(aChannel("best", 1, 100, 99), aChannel("worse", 2, 100, 50));

        assertThat(order(candidates, alwaysExplore, 1)).containsExactly("worse", "best");
    }

    @Test
    void a_channel_under_min_sample_ranked_last_is_still_tried_first_on_some_orders() {
        RoutingPolicy policy = new RoutingPolicy(Strategy.SUCCESS_RATE, 20, 0.05);
        List<Candidate> candidates = List.of(aChannel("healthy", 1, 100, 99), aChannel("also-healthy", 2, 100, 98),
                aChannel("few-samples-bad", 3, 3, 0));
        SplittableRandom random = new SplittableRandom(7);
        int triedFirst = 0;

        for (int i = 0; i < 10_000; i++) {
            List<Candidate> ordered = RoutingDecision.order(candidates, policy, random);
            assertThat(ordered).hasSize(3);
            if (ordered.get(0).channel().equals("few-samples-bad")) {
                triedFirst++;
            }
        }

        assertThat(order(candidates, RANKING_ONLY, 1)).last().isEqualTo("few-samples-bad");
        assertThat(triedFirst / 10_000.0).isCloseTo(0.05 / 2, within(0.01));
    }

    @Test
    void no_exploration_share_never_reorders() {
        List<Candidate> candidates = List.of(aChannel("best", 1, 100, 99), aChannel("worse", 2, 100, 50));

        for (long seed = 0; seed < 200; seed++) {
            assertThat(order(candidates, RANKING_ONLY, seed)).containsExactly("best", "worse");
        }
    }
}
