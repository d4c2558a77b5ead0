package com.aggpay.router.routing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one routing decision per strategy and candidate count. Run by hand with {@code deploy/bench/routing-jmh.sh};
 * the name does not end in Test, so {@code mvn verify} never runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingDecisionBenchmark {

    @Param({"FIXED_PRIORITY", "WEIGHTED", "LOWEST_FEE", "SUCCESS_RATE"})
    public Strategy strategy;

    @Param({"2", "6", "20"})
    public int size;

    private List<Candidate> candidates;
    private RoutingPolicy policy;
    private SplittableRandom random;

    @Setup
    public void setUp() {
        candidates = RoutingFixtures.candidates(size, new SplittableRandom(17));
        policy = new RoutingPolicy(strategy, 20, 0.05);
        random = new SplittableRandom(42);
    }

    @Benchmark
    public List<Candidate> order() {
        return RoutingDecision.order(candidates, policy, random);
    }
}
