package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real time, with bounds loose enough for a busy machine. */
class ScanClockTest {

    @Test
    void a_requested_scan_runs_at_once_although_the_interval_is_an_hour() throws Exception {
        ScanClock clock = new ScanClock(Duration.ofHours(1), Duration.ofMillis(10));

        clock.scanSoon();

        assertThat(timeToTurn(clock)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_scan_asked_for_a_little_later_runs_then() throws Exception {
        ScanClock clock = new ScanClock(Duration.ofHours(1), Duration.ofMillis(10));

        clock.scanWithin(Duration.ofMillis(300));

        assertThat(timeToTurn(clock)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @Test
    void requests_during_a_scan_make_one_more_scan_no_sooner_than_the_gap_after_it() throws Exception {
        ScanClock clock = new ScanClock(Duration.ofHours(1), Duration.ofMillis(300));
        clock.scanSoon();
        clock.awaitTurn();
        long first = System.nanoTime(); // a scan starts

        for (int i = 0; i < 100; i++) {
            clock.scanSoon();
        }
        clock.awaitTurn();
        long second = System.nanoTime();
        clock.scanSoon();
        clock.awaitTurn();
        long third = System.nanoTime();

        assertThat(Duration.ofNanos(second - first)).isBetween(Duration.ofMillis(290), Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(third - second)).as("the gap again").isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void a_slow_scan_is_followed_by_a_gap_in_proportion_to_how_long_it_took() throws Exception {
        ScanClock clock = new ScanClock(Duration.ofHours(1), Duration.ofMillis(1));
        clock.scanSoon();
        clock.awaitTurn();
        Thread.sleep(30); // the scan
        clock.scanDone();

        clock.scanSoon();

        assertThat(timeToTurn(clock)).isBetween(Duration.ofMillis(30L * ScanClock.DUTY_FACTOR - 20),
                ScanClock.MAX_DUTY_GAP.plusSeconds(1));
    }

    @Test
    void the_gap_after_a_scan_that_was_only_slow_because_the_machine_was_busy_stays_short() throws Exception {
        ScanClock clock = new ScanClock(Duration.ofHours(1), Duration.ofMillis(1));
        clock.scanSoon();
        clock.awaitTurn();
        Thread.sleep(500); // a scan starved of CPU
        clock.scanDone();

        clock.scanSoon();

        assertThat(timeToTurn(clock)).isLessThan(ScanClock.MAX_DUTY_GAP.plusMillis(200));
    }

    @Test
    void without_requests_it_scans_once_per_interval() throws Exception {
        ScanClock clock = new ScanClock(Duration.ofMillis(200), Duration.ofMillis(10));

        assertThat(timeToTurn(clock)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(2));
        assertThat(timeToTurn(clock)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(2));
    }

    private static Duration timeToTurn(ScanClock clock) throws InterruptedException {
        long start = System.nanoTime();
        clock.awaitTurn();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
