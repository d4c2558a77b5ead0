package com.aggpay.router.routing.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void a_latency_read_back_from_its_bucket_is_within_five_per_cent_and_exact_below_ten_ms() {
        for (long latency = 1; latency <= 120_000; latency++) {
            long read = LatencyBuckets.value(LatencyBuckets.index(latency));
            if (latency < 10) {
                assertThat(read).isEqualTo(latency);
            } else {
                assertThat((double) read).isCloseTo(latency, within(latency * 0.05 + 0.5));
            }
        }
        assertThat(LatencyBuckets.value(LatencyBuckets.index(0))).isEqualTo(1);
    }

    @Test
    void percentiles_are_nearest_rank_over_the_buckets() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (long latency = 10; latency <= 1000; latency += 10) {
            counts.merge(LatencyBuckets.index(latency), 1L, Long::sum);
        }

        assertThat(LatencyBuckets.percentile(counts, 500)).isEqualTo(LatencyBuckets.value(LatencyBuckets.index(500)));
        assertThat(LatencyBuckets.percentile(counts, 990)).isEqualTo(LatencyBuckets.value(LatencyBuckets.index(990)));
        assertThat(LatencyBuckets.percentile(new TreeMap<>(), 500)).isZero();
    }
}
