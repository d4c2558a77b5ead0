package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    private final Bulkhead bulkhead = new Bulkhead(10, 4, 2, 1, Duration.ofHours(1), clock);

    @Test
    void a_merchant_gets_no_more_than_its_own_slots() {
        for (int i = 0; i < 4; i++) {
            assertThat(bulkhead.tryAcquire("M1")).isPresent();
        }

        assertThat(bulkhead.tryAcquire("M1")).isEmpty();
        assertThat(bulkhead.saturated()).containsExactly("M1");
        assertThat(bulkhead.tryAcquire("M2")).isPresent();
    }

    @Test
    void a_released_slot_can_be_taken_again() {
        Optional<Bulkhead.Ticket> ticket = bulkhead.tryAcquire("M1");
        bulkhead.release(ticket.orElseThrow());

        assertThat(bulkhead.inFlight()).isZero();
        assertThat(bulkhead.free(Bulkhead.Lane.HEALTHY)).isEqualTo(10);
    }

    @Test
    void failing_merchants_share_only_the_suspect_lane_and_leave_the_healthy_lane_alone() {
        bulkhead.recordFailure("DEAD1");
        bulkhead.recordFailure("DEAD2");
        bulkhead.recordFailure("DEAD3");

        assertThat(bulkhead.tryAcquire("DEAD1")).get().extracting(Bulkhead.Ticket::lane).isEqualTo(Bulkhead.Lane.SUSPECT);
        assertThat(bulkhead.tryAcquire("DEAD1")).as("one slot per suspect merchant").isEmpty();
        assertThat(bulkhead.tryAcquire("DEAD2")).isPresent();
        assertThat(bulkhead.tryAcquire("DEAD3")).as("suspect lane full").isEmpty();
        assertThat(bulkhead.free(Bulkhead.Lane.HEALTHY)).isEqualTo(10);
        assertThat(bulkhead.tryAcquire("HEALTHY")).get().extracting(Bulkhead.Ticket::lane)
                .isEqualTo(Bulkhead.Lane.HEALTHY);
    }

    @Test
    void a_success_brings_a_merchant_back_to_the_healthy_lane() {
        bulkhead.recordFailure("M1");
        bulkhead.recordSuccess("M1");

        assertThat(bulkhead.laneOf("M1")).isEqualTo(Bulkhead.Lane.HEALTHY);
        assertThat(bulkhead.suspects()).isEmpty();
    }
}
