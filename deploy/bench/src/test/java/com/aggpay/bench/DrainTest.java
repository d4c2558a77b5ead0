package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrainTest {

    private static final long ORIGIN = 1_000_000_000_000L;

    private static long at(long millis) {
        return ORIGIN + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void counts_first_deliveries_per_second_from_the_origin_and_repeats_apart() {
        Drain drain = new Drain("evt_b", 5, ORIGIN);
        drain.arrived("evt_b0", at(500));
        drain.arrived("evt_b1", at(1200));
        drain.arrived("evt_b2", at(1800));
        drain.arrived("evt_b2", at(1900)); // the same event again
        drain.arrived("evt_b3", at(2100));
        assertThat(drain.complete()).isFalse();
        drain.arrived("evt_b4", at(3500));

        Drain.Summary s = drain.summary();

        assertThat(drain.complete()).isTrue();
        assertThat(s.received()).isEqualTo(5);
        assertThat(s.deliveries()).isEqualTo(6);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.firstMillis()).isEqualTo(500);
        assertThat(s.lastMillis()).isEqualTo(3500);
        assertThat(s.perSecond()).containsExactly(1, 2, 1, 1);
        assertThat(s.wholeRate()).isCloseTo(5 / 3.5, within(1e-9));
        assertThat(s.flowRate()).isCloseTo(4 / 3.0, within(1e-9));
        assertThat(s.peakSecond()).isEqualTo(2);
        assertThat(s.medianFullSecond()).isEqualTo(2); // seconds 1 and 2 are full: 2 and 1, median of two = upper
        assertThat(s.sinceOrigin().getTotalCount()).isEqualTo(5);
    }

    @Test
    void owns_only_its_own_ids_and_a_moved_origin_counts_from_the_recovery() {
        Drain drain = new Drain("evt_benchXo", 1, ORIGIN);
        assertThat(drain.owns("evt_benchXo17")).isTrue();
        assertThat(drain.owns("evt_benchXb17")).isFalse();
        assertThat(drain.owns(null)).isFalse();

        drain.startClockAt(at(30_000));
        drain.arrived("evt_benchXo0", at(31_250));

        assertThat(drain.summary().firstMillis()).isEqualTo(1250);
    }
}
