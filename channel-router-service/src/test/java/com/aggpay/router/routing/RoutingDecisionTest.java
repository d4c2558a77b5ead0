package com.aggpay.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoutingDecisionTest {

    static final RoutingPolicy FIXED = new RoutingPolicy(Strategy.FIXED_PRIORITY, 0, 0.0);
    static final RoutingPolicy WEIGHTED = new RoutingPolicy(Strategy.WEIGHTED, 0, 0.0);
    static final RoutingPolicy LOWEST_FEE = new RoutingPolicy(Strategy.LOWEST_FEE, 0, 0.0);

    static Candidate aChannel(String name, int priority, int weight, int feeRatePpm) {
        return new Candidate(name, priority, weight, feeRatePpm, WindowStats.NONE);
    }

    static List<String> names(List<Candidate> ordered) {
        return ordered.stream().map(Candidate::channel).toList();
    }

    static List<String> order(List<Candidate> candidates, RoutingPolicy policy, long seed) {
        return names(RoutingDecision.order(candidates, policy, new SplittableRandom(seed)));
    }

    @Test
    void fixed_priority_orders_by_priority_then_by_channel_name() {
        List<Candidate> candidates = List.of(aChannel("wxpay-c", 2, 1, 3800), aChannel("wxpay-b", 1, 1, 3800),
                aChannel("wxpay-a", 2, 1, 3800));

        assertThat(order(candidates, FIXED, 1)).containsExactly("wxpay-b", "wxpay-a", "wxpay-c");
    }

    @Test
    void lowest_fee_goes_first_and_equal_fees_fall_back_to_priority_then_name() {
        List<Candidate> candidates = List.of(aChannel("expensive", 1, 1, 6000), aChannel("cheap-late", 5, 1, 3800),
                aChannel("cheap-b", 3, 1, 3800), aChannel("cheap-a", 3, 1, 3800));

        assertThat(order(candidates, LOWEST_FEE, 1)).containsExactly("cheap-a", "cheap-b", "cheap-late", "expensive");
    }

    @Test
    void weighted_first_choice_splits_by_weight_over_many_orders() {
        List<Candidate> candidates = List.of(aChannel("a", 1, 60, 0), aChannel("b", 2, 30, 0), aChannel("c", 3, 10, 0));
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Integer> firsts = new HashMap<>();

        for (int i = 0; i < 10_000; i++) {
            firsts.merge(RoutingDecision.order(candidates, WEIGHTED, random).get(0).channel(), 1, Integer::sum);
        }

        assertThat(firsts.get("a") / 10_000.0).isCloseTo(0.60, within(0.02));
        assertThat(firsts.get("b") / 10_000.0).isCloseTo(0.30, within(0.02));
        assertThat(firsts.get("c") / 10_000.0).isCloseTo(0.10, within(0.02));
    }

    @Test
    void weighted_puts_zero_weight_channels_after_all_weighted_ones_by_priority() {
        List<Candidate> candidates = List.of(aChannel("spare-2", 2, 0, 0), aChannel("spare-1", 1, 0, 0),
                aChannel("a", 9, 1, 0), aChannel("b", 8, 5, 0));

        for (long seed = 0; seed < 100; seed++) {
            assertThat(order(candidates, WEIGHTED, seed).subList(2, 4)).containsExactly("spare-1", "spare-2");
        }
    }

    @Test
    void weighted_with_only_zero_weights_falls_back_to_priority() {
        List<Candidate> candidates = List.of(aChannel("b", 2, 0, 0), aChannel("a", 1, 0, 0));

        assertThat(order(candidates, WEIGHTED, 7)).containsExactly("a", "b");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void every_strategy_returns_each_candidate_exactly_once(Strategy strategy) {
        RoutingPolicy policy = new RoutingPolicy(strategy, 5, 0.5);
        List<Candidate> candidates = RoutingFixtures.candidates(20, new SplittableRandom(3));

        for (long seed = 0; seed < 200; seed++) {
            assertThat(order(candidates, policy, seed)).containsExactlyInAnyOrderElementsOf(names(candidates));
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void an_empty_candidate_list_gives_an_empty_order(Strategy strategy) {
        assertThat(order(List.of(), new RoutingPolicy(strategy, 5, 1.0), 1)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void a_single_candidate_is_the_whole_order_even_with_full_exploration(Strategy strategy) {
        List<Candidate> only = List.of(aChannel("only", 1, 0, 3800));

        assertThat(order(only, new RoutingPolicy(strategy, 5, 1.0), 1)).containsExactly("only");
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void equal_seeds_give_equal_orders(Strategy strategy) {
        RoutingPolicy policy = new RoutingPolicy(strategy, 5, 0.3);
        List<Candidate> candidates = RoutingFixtures.candidates(6, new SplittableRandom(9));

        for (long seed = 0; seed < 50; seed++) {
            assertThat(order(candidates, policy, seed)).isEqualTo(order(candidates, policy, seed));
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void the_input_order_makes_no_difference_for_the_same_seed(Strategy strategy) {
        RoutingPolicy policy = new RoutingPolicy(strategy, 5, 0.3);
        List<Candidate> candidates = RoutingFixtures.candidates(6, new SplittableRandom(9));
        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.reverse(shuffled);

        for (long seed = 0; seed < 50; seed++) {
            assertThat(order(shuffled, policy, seed)).isEqualTo(order(candidates, policy, seed));
        }
    }

    @Test
    void the_order_cannot_be_changed_by_the_caller() {
        List<Candidate> ordered = RoutingDecision.order(List.of(aChannel("a", 1, 1, 0)), FIXED, new SplittableRandom(1));

        assertThatThrownBy(() -> ordered.add(aChannel("b", 2, 1, 0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_channel_listed_twice_is_a_caller_bug() {
        List<Candidate> twice = List.of(aChannel("a", 1, 1, 0), aChannel("a", 2, 1, 0));

        assertThatThrownBy(() -> RoutingDecision.order(twice, FIXED, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a is a candidate twice");
    }

    @Test
    void a_policy_outside_its_ranges_is_refused() {
        assertThatThrownBy(() -> new RoutingPolicy(Strategy.SUCCESS_RATE, -1, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingPolicy(Strategy.SUCCESS_RATE, 10, 1.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingPolicy(Strategy.SUCCESS_RATE, 10, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void window_stats_without_samples_have_a_zero_rate_and_more_successes_than_samples_are_refused() {
        assertThat(WindowStats.NONE.successRate()).isZero();
        assertThat(new WindowStats(4, 3).successRate()).isEqualTo(0.75);
        assertThatThrownBy(() -> new WindowStats(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_candidate_with_a_negative_weight_or_fee_is_refused() {
        assertThatThrownBy(() -> aChannel("a", 1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aChannel("a", 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
