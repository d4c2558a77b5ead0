package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    private static final String SHOP = "https://shop.example:443";
    private static final String OTHER_SHOP = "https://other.example:443";
    private static final String DEAD1 = "http://dead1.example:80";
    private static final String DEAD2 = "http://dead2.example:80";
    private static final String DEAD3 = "http://dead3.example:80";
    private static final String HEALTHY = "http://healthy.example:80";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
    private final Bulkhead bulkhead = new Bulkhead(10, 4, 2, 1, Duration.ofHours(1), clock);

    @Test
    void an_endpoint_gets_no_more_than_its_own_slots() {
        for (int i = 0; i < 4; i++) {
            assertThat(bulkhead.tryAcquire(SHOP)).isPresent();
        }

        assertThat(bulkhead.tryAcquire(SHOP)).isEmpty();
        assertThat(bulkhead.saturated()).containsExactly(SHOP);
        assertThat(bulkhead.tryAcquire(OTHER_SHOP)).isPresent();
    }

    @Test
    void a_released_slot_can_be_taken_again() {
        Optional<Bulkhead.Ticket> ticket = bulkhead.tryAcquire(SHOP);
        bulkhead.release(ticket.orElseThrow());

        assertThat(bulkhead.inFlight()).isZero();
        assertThat(bulkhead.free(Bulkhead.Lane.HEALTHY)).isEqualTo(10);
    }

    @Test
    void an_answered_attempt_frees_its_endpoint_share_at_once_but_keeps_its_lane_slot_until_released() {
        Bulkhead oneSlotEach = new Bulkhead(2, 1, 1, 1, Duration.ofHours(1), clock);
        Bulkhead.Ticket first = oneSlotEach.tryAcquire(SHOP).orElseThrow();
        assertThat(oneSlotEach.tryAcquire(SHOP)).isEmpty();

        oneSlotEach.answered(first);

        Bulkhead.Ticket second = oneSlotEach.tryAcquire(SHOP).orElseThrow();
        assertThat(oneSlotEach.inFlight()).isEqualTo(2);
        assertThat(oneSlotEach.tryAcquire(OTHER_SHOP)).as("the lane is full until the outcomes are stored").isEmpty();
        oneSlotEach.release(first);
        oneSlotEach.release(second);
        assertThat(oneSlotEach.inFlight()).isZero();
        assertThat(oneSlotEach.saturated()).isEmpty();
    }

    @Test
    void failing_endpoints_share_only_the_suspect_lane_and_leave_the_healthy_lane_alone() {
        bulkhead.recordFailure(DEAD1);
        bulkhead.recordFailure(DEAD2);
        bulkhead.recordFailure(DEAD3);

        assertThat(bulkhead.tryAcquire(DEAD1)).get().extracting(Bulkhead.Ticket::lane).isEqualTo(Bulkhead.Lane.SUSPECT);
        assertThat(bulkhead.tryAcquire(DEAD1)).as("one slot per suspect endpoint").isEmpty();
        assertThat(bulkhead.tryAcquire(DEAD2)).isPresent();
        assertThat(bulkhead.tryAcquire(DEAD3)).as("suspect lane full").isEmpty();
        assertThat(bulkhead.free(Bulkhead.Lane.HEALTHY)).isEqualTo(10);
        assertThat(bulkhead.tryAcquire(HEALTHY)).get().extracting(Bulkhead.Ticket::lane)
                .isEqualTo(Bulkhead.Lane.HEALTHY);
    }

    @Test
    void a_success_brings_an_endpoint_back_to_the_healthy_lane() {
        bulkhead.recordFailure(SHOP);
        bulkhead.recordSuccess(SHOP);

        assertThat(bulkhead.laneOf(SHOP)).isEqualTo(Bulkhead.Lane.HEALTHY);
        assertThat(bulkhead.suspects()).isEmpty();
    }
}
