package com.aggpay.router.routing.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.routing.WindowStats;
import com.aggpay.router.routing.health.HealthWindows.ChannelHealthSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HealthWindowsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    HealthWindows windowsOf(int size, Duration maxAge) {
        return new HealthWindows(new HealthWindowProperties(size, maxAge), clock, meters);
    }

    @Test
    void a_channel_never_recorded_has_empty_stats_and_an_empty_snapshot() {
        HealthWindows windows = windowsOf(100, Duration.ofMinutes(10));

        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).isEqualTo(WindowStats.NONE);
        assertThat(windows.snapshot("wxpay-a")).isEqualTo(new ChannelHealthSnapshot(0, 0.0, 0, 0, 0));
    }

    @Test
    void stats_are_kept_per_pay_way_and_the_snapshot_per_channel() {
        HealthWindows windows = windowsOf(100, Duration.ofMinutes(10));

        windows.record("wxpay-a", "WX_NATIVE", true, 10);
        windows.record("wxpay-a", "WX_NATIVE", false, 10);
        windows.record("wxpay-a", "WX_JSAPI", true, 10);
        windows.record("alipay-a", "ALI_QR", false, 10);

        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).isEqualTo(new WindowStats(2, 1));
        assertThat(windows.stats("wxpay-a", "WX_JSAPI")).isEqualTo(new WindowStats(1, 1));
        assertThat(windows.stats("wxpay-a", "WX_H5")).isEqualTo(WindowStats.NONE);
        assertThat(windows.snapshot("wxpay-a").samples()).isEqualTo(3);
        assertThat(windows.snapshot("wxpay-a").successRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void only_the_last_n_outcomes_count() {
        HealthWindows windows = windowsOf(3, Duration.ofMinutes(10));

        windows.record("wxpay-a", "WX_NATIVE", false, 10);
        windows.record("wxpay-a", "WX_NATIVE", false, 10);
        windows.record("wxpay-a", "WX_NATIVE", true, 10);
        windows.record("wxpay-a", "WX_NATIVE", true, 10);
        windows.record("wxpay-a", "WX_NATIVE", true, 10);

        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).isEqualTo(new WindowStats(3, 3));
        assertThat(windows.snapshot("wxpay-a").successRate()).isEqualTo(1.0);
    }

    @Test
    void outcomes_older_than_the_max_age_no_longer_count() {
        HealthWindows windows = windowsOf(100, Duration.ofMinutes(10));
        windows.record("wxpay-a", "WX_NATIVE", false, 10);
        windows.record("wxpay-a", "WX_NATIVE", false, 10);
        clock.advance(Duration.ofMinutes(6));
        windows.record("wxpay-a", "WX_NATIVE", true, 10);

        clock.advance(Duration.ofMinutes(4));
        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).as("exactly 10 minutes old still counts")
                .isEqualTo(new WindowStats(3, 1));

        clock.advance(Duration.ofMillis(1));
        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).isEqualTo(new WindowStats(1, 1));
        assertThat(windows.snapshot("wxpay-a").samples()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).isEqualTo(WindowStats.NONE);
        assertThat(windows.snapshot("wxpay-a")).isEqualTo(new ChannelHealthSnapshot(0, 0.0, 0, 0, 0));
    }

    @Test
    void latency_percentiles_are_nearest_rank_over_successes_and_failures() {
        HealthWindows windows = windowsOf(100, Duration.ofMinutes(10));
        for (int latency = 100; latency >= 1; latency--) { // arrival order must not matter
            windows.record("wxpay-a", "WX_NATIVE", latency % 2 == 0, latency);
        }

        ChannelHealthSnapshot snapshot = windows.snapshot("wxpay-a");

        assertThat(snapshot).isEqualTo(new ChannelHealthSnapshot(100, 0.5, 50, 95, 99));
    }

    @Test
    void with_few_samples_the_high_percentiles_are_the_slowest_attempt() {
        HealthWindows windows = windowsOf(100, Duration.ofMinutes(10));
        windows.record("wxpay-a", "WX_NATIVE", true, 30);
        windows.record("wxpay-a", "WX_NATIVE", true, 10);
        windows.record("wxpay-a", "WX_NATIVE", false, 5000);

        assertThat(windows.snapshot("wxpay-a")).isEqualTo(new ChannelHealthSnapshot(3, 2.0 / 3, 30, 5000, 5000));
    }

    @Test
    void concurrent_recording_loses_no_outcome() throws Exception {
        HealthWindows windows = windowsOf(1_000_000, Duration.ofMinutes(10));
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String payWay = t % 2 == 0 ? "WX_NATIVE" : "WX_JSAPI";
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    windows.record("wxpay-a", payWay, i % 4 != 0, i);
                    windows.record("channel-" + (i % 10), payWay, true, i); // channels first seen concurrently
                }
                return null;
            }));
        }

        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int perWay = threads / 2 * perThread;
        assertThat(windows.stats("wxpay-a", "WX_NATIVE")).isEqualTo(new WindowStats(perWay, perWay * 3 / 4));
        assertThat(windows.stats("wxpay-a", "WX_JSAPI")).isEqualTo(new WindowStats(perWay, perWay * 3 / 4));
        assertThat(windows.snapshot("wxpay-a").samples()).isEqualTo(threads * perThread);
        for (int c = 0; c < 10; c++) {
            assertThat(windows.snapshot("channel-" + c).samples()).isEqualTo(threads * perThread / 10);
        }
        assertThat(meters.find("aggpay.channel.success.rate").gauges()).hasSize(11);
    }
}
