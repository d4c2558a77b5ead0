package com.aggpay.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.circuit.ChannelCircuits;
import com.aggpay.router.circuit.SharedCircuits;
import com.aggpay.router.routing.Candidate;
import com.aggpay.router.routing.RoutingDecision;
import com.aggpay.router.routing.RoutingPolicy;
import com.aggpay.router.routing.Strategy;
import com.aggpay.router.routing.WindowStats;
import com.aggpay.router.routing.health.HealthWindowProperties;
import com.aggpay.router.routing.health.HealthWindows;
import com.aggpay.router.routing.health.HealthWindows.ChannelHealthSnapshot;
import com.aggpay.router.routing.health.ReplicaOutcomes;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Two router replicas, each with its own health windows and circuit breakers as two processes have, sharing them
 * through the real Redis at 127.0.0.1:6379 under a key prefix of their own. Periods are the defaults: outcomes
 * written every 100 ms, read back every 500 ms; circuits read every 500 ms.
 */
class ReplicatedRouterStateIT {

    private static final Duration CONVERGED = Duration.ofSeconds(2);
    private static final RoutingPolicy SUCCESS_RATE = new RoutingPolicy(Strategy.SUCCESS_RATE, 10, 0);
    private static final TradeOutcome TIMED_OUT = new TradeOutcome.Unknown("TIMEOUT", "read timed out");

    private final String prefix = "aggpaytest-" + UUID.randomUUID();
    private final List<AutoCloseable> started = new ArrayList<>();

    private record Replica(HealthWindows health, ChannelCircuits circuits, SimpleMeterRegistry meters) {

        void breaks(String channel) {
            for (int i = 0; i < 4; i++) {
                circuits.record(channel, TIMED_OUT, 3000);
            }
        }

        List<String> ranking(String... channels) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < channels.length; i++) {
                candidates.add(new Candidate(channels[i], 10 * (i + 1), 100, 6000, health.stats(channels[i], "WX_NATIVE")));
            }
            return RoutingDecision.order(candidates, SUCCESS_RATE, new Random(7)).stream().map(Candidate::channel)
                    .toList();
        }

        double sharedStateFailures() {
            return meters.find("aggpay.router.shared.state.failures").counters().stream()
                    .mapToDouble(c -> c.count()).sum();
        }
    }

    @AfterEach
    void stopReplicas() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void outcomes_one_replica_records_change_the_others_stats_and_ranking_within_the_refresh_period() {
        Replica a = replica(6379, Duration.ofSeconds(20));
        Replica b = replica(6379, Duration.ofSeconds(20));
        b.health().record("wxpay-a", "WX_NATIVE", true, 40);
        b.health().record("wxpay-a", "WX_NATIVE", true, 40);
        assertThat(b.ranking("wxpay-a", "wxpay-b")).as("b alone: wxpay-a 2 of 2, wxpay-b untried")
                .containsExactly("wxpay-a", "wxpay-b");

        for (int i = 0; i < 20; i++) {
            a.health().record("wxpay-a", "WX_NATIVE", false, 3000);
            a.health().record("wxpay-b", "WX_NATIVE", true, 80);
        }

        await().atMost(CONVERGED).until(() -> b.health().stats("wxpay-a", "WX_NATIVE").samples() == 22);
        assertThat(b.health().stats("wxpay-a", "WX_NATIVE")).isEqualTo(new WindowStats(22, 2));
        assertThat(b.health().stats("wxpay-b", "WX_NATIVE")).isEqualTo(new WindowStats(20, 20));
        assertThat(b.ranking("wxpay-a", "wxpay-b")).containsExactly("wxpay-b", "wxpay-a");
        assertThat(b.health().snapshot("wxpay-a").samples()).isEqualTo(22);
        await().atMost(CONVERGED).until(() -> a.health().stats("wxpay-a", "WX_NATIVE").samples() == 22);
        assertThat(a.health().stats("wxpay-a", "WX_NATIVE")).as("a counts its own outcomes once, b's once")
                .isEqualTo(new WindowStats(22, 2));
        assertThat(a.ranking("wxpay-a", "wxpay-b")).containsExactly("wxpay-b", "wxpay-a");
    }

    @Test
    void the_other_replicas_latencies_make_the_percentiles_bucketed_within_five_per_cent() {
        Replica a = replica(6379, Duration.ofSeconds(20));
        Replica b = replica(6379, Duration.ofSeconds(20));
        for (int latency = 1; latency <= 100; latency++) {
            a.health().record("wxpay-a", "WX_NATIVE", latency % 2 == 0, latency * 10);
        }

        await().atMost(CONVERGED).until(() -> b.health().snapshot("wxpay-a").samples() == 100);
        ChannelHealthSnapshot seen = b.health().snapshot("wxpay-a");

        assertThat(seen.successRate()).isEqualTo(0.5);
        assertThat(seen.p50Ms()).isBetween(475L, 525L);
        assertThat(seen.p95Ms()).isBetween(902L, 998L);
        assertThat(seen.p99Ms()).isBetween(940L, 1040L);
        assertThat(a.health().snapshot("wxpay-a")).as("a alone tried it: exact")
                .isEqualTo(new ChannelHealthSnapshot(100, 0.5, 500, 950, 990));
    }

    @Test
    void a_circuit_one_replica_opens_is_refused_by_the_other_until_its_wait_is_over_then_probed() {
        Replica a = replica(6379, Duration.ofSeconds(3));
        Replica b = replica(6379, Duration.ofSeconds(3));
        assertThat(b.circuits().isOpen("wxpay-a")).isFalse();

        a.breaks("wxpay-a");

        assertThat(a.circuits().state("wxpay-a")).isEqualTo(CircuitBreaker.State.OPEN);
        await().atMost(CONVERGED).until(() -> b.circuits().isOpen("wxpay-a"));
        assertThat(b.circuits().tryAcquire("wxpay-a")).isFalse();
        assertThat(b.circuits().tryAcquire("wxpay-b")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !b.circuits().isOpen("wxpay-a"));
        assertThat(b.circuits().state("wxpay-a")).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(b.circuits().tryAcquire("wxpay-a")).as("a probe").isTrue();
    }

    @Test
    void an_operators_reset_on_one_replica_closes_the_circuit_on_the_other() {
        Replica a = replica(6379, Duration.ofSeconds(30));
        Replica b = replica(6379, Duration.ofSeconds(30));
        a.breaks("wxpay-a");
        await().atMost(CONVERGED).until(() -> b.circuits().isOpen("wxpay-a"));

        b.circuits().reset("wxpay-a");

        assertThat(b.circuits().state("wxpay-a")).isEqualTo(CircuitBreaker.State.CLOSED);
        await().atMost(CONVERGED).until(() -> a.circuits().state("wxpay-a") == CircuitBreaker.State.CLOSED);
        assertThat(a.circuits().tryAcquire("wxpay-a")).isTrue();
        assertThat(b.circuits().state("wxpay-a")).as("a's old opening is gone from Redis too")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void with_redis_away_a_replica_routes_on_its_own_outcomes_and_circuits_and_counts_the_failures()
            throws IOException {
        Replica alone = replica(closedPort(), Duration.ofSeconds(20));

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            alone.health().record("wxpay-a", "WX_NATIVE", false, 3000);
            alone.health().record("wxpay-b", "WX_NATIVE", true, 80);
        }
        alone.breaks("wxpay-a");
        List<String> ranking = alone.ranking("wxpay-a", "wxpay-b");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMs).as("nothing on a trade's path waits for Redis").isLessThan(200);
        assertThat(ranking).containsExactly("wxpay-b", "wxpay-a");
        assertThat(alone.health().stats("wxpay-a", "WX_NATIVE")).isEqualTo(new WindowStats(20, 0));
        assertThat(alone.circuits().tryAcquire("wxpay-a")).isFalse();
        assertThat(alone.circuits().tryAcquire("wxpay-b")).isTrue();
        alone.circuits().reset("wxpay-a");
        assertThat(alone.circuits().tryAcquire("wxpay-a")).as("a reset still works here").isTrue();
        await().atMost(CONVERGED).until(() -> alone.sharedStateFailures() >= 3);
    }

    /**
     * How long after one replica records an outcome (opens a circuit) the other sees it. Trials start every 0–50 ms
     * (random), each on a channel of its own, so they fall on every phase of the periodic flush and refresh and
     * overlap; one loop polls every pending trial each millisecond. The numbers go to
     * target/replicas-convergence.txt (and docs/replicas-router.md).
     */
    @Test
    void outcomes_and_open_circuits_reach_the_other_replica_within_flush_plus_refresh_period() throws Exception {
        Replica a = replica(6379, Duration.ofSeconds(20));
        Replica b = replica(6379, Duration.ofSeconds(20));

        long[] outcomes = convergence(400, i -> a.health().record("conv-" + i, "WX_NATIVE", true, 10),
                i -> b.health().stats("conv-" + i, "WX_NATIVE").samples() == 1);
        long[] circuits = convergence(200, i -> a.breaks("conv-circuit-" + i),
                i -> b.circuits().isOpen("conv-circuit-" + i));

        String report = "outcomes " + summary(outcomes) + "\ncircuits " + summary(circuits) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "replicas-convergence.txt"), report);
        assertThat(percentile(outcomes, 99)).as("flush 100 ms + refresh 500 ms, and some slack").isLessThan(1000);
        assertThat(percentile(circuits, 99)).as("refresh 500 ms, and some slack").isLessThan(900);
    }

    /** @return per trial, milliseconds from {@code act} until {@code seen} */
    private static long[] convergence(int trials, IntConsumer act, IntPredicate seen) throws InterruptedException {
        Random random = new Random();
        long[] startedAt = new long[trials];
        long[] tookMs = new long[trials];
        Arrays.fill(tookMs, -1);
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int next = 0;
        long nextAt = System.nanoTime();
        int done = 0;
        while (done < trials) {
            long now = System.nanoTime();
            assertThat(now).as("every trial seen within a minute").isLessThan(giveUp);
            if (next < trials && now >= nextAt) {
                startedAt[next] = now;
                act.accept(next++);
                nextAt = now + random.nextInt(51) * 1_000_000L;
            }
            for (int i = 0; i < next; i++) {
                if (tookMs[i] < 0 && seen.test(i)) {
                    tookMs[i] = (System.nanoTime() - startedAt[i]) / 1_000_000;
                    done++;
                }
            }
            Thread.sleep(1);
        }
        return tookMs;
    }

    private static String summary(long[] ms) {
        return "n=" + ms.length + " p50=" + percentile(ms, 50) + " ms p90=" + percentile(ms, 90) + " ms p99="
                + percentile(ms, 99) + " ms max=" + percentile(ms, 100) + " ms";
    }

    private static long percentile(long[] ms, int p) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private Replica replica(int redisPort, Duration waitInOpen) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", redisPort),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(1000).socketTimeoutMillis(1000).build());
        HealthWindowProperties properties = new HealthWindowProperties(100, Duration.ofMinutes(10));
        ReplicaOutcomes outcomes = new ReplicaOutcomes(redis, prefix, properties, Clock.systemUTC(), meters);
        HealthWindows health = new HealthWindows(properties, Clock.systemUTC(), meters, outcomes);
        ChannelCircuits circuits = new ChannelCircuits(meters, waitInOpen, Duration.ofSeconds(2),
                Duration.ofMillis(500), new SharedCircuits(redis, prefix));
        started.add(redis);
        started.add(outcomes);
        started.add(circuits);
        outcomes.start();
        circuits.start();
        return new Replica(health, circuits, meters);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
