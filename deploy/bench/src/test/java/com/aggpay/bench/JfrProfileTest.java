package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrProfileTest {

    private static volatile long sink;

    @Test
    void the_method_the_cpu_was_spent_in_is_the_hottest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("self.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < until) {
                sink += spin(200_000);
            }
            recording.stop();
            recording.dump(file);
        }

        JfrProfile.HotMethods hot = new JfrProfile(file).hotMethods(5);

        assertThat(hot.samples()).isPositive();
        assertThat(hot.top().get(0).method()).isEqualTo("com.aggpay.bench.JfrProfileTest.spin(int)");
    }

    private static long spin(int n) {
        long x = 1;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
