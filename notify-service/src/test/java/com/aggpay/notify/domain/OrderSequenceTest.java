package com.aggpay.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderSequenceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    @Test
    void an_orders_first_event_and_events_without_a_number_never_wait() {
        assertThat(OrderSequence.waitUntil(1, List.of(), NOW, NOW, MAX_WAIT)).isEmpty();
        assertThat(OrderSequence.waitUntil(null, List.of(), NOW, NOW, MAX_WAIT)).isEmpty();
    }

    @Test
    void a_pending_earlier_event_holds_the_later_one_until_just_after_its_next_attempt() {
        Instant retryAt = NOW.plusSeconds(60);
        List<OrderSequence.Earlier> earlier = List.of(new OrderSequence.Earlier(1, EventState.PENDING, retryAt));

        assertThat(OrderSequence.waitUntil(2, earlier, NOW, NOW, MAX_WAIT)).contains(retryAt.plusSeconds(1));
        // due now (perhaps on the wire): look again a second later, never in the past
        assertThat(OrderSequence.waitUntil(2, List.of(new OrderSequence.Earlier(1, EventState.PENDING,
                NOW.minusSeconds(5))), NOW, NOW, MAX_WAIT)).contains(NOW.plusSeconds(1));
    }

    @Test
    void delivered_given_up_or_held_earlier_events_let_the_later_one_go() {
        for (EventState state : List.of(EventState.DELIVERED, EventState.FAILED, EventState.HELD)) {
            assertThat(OrderSequence.waitUntil(2, List.of(new OrderSequence.Earlier(1, state, NOW)), NOW, NOW,
                    MAX_WAIT)).as(state.name()).isEmpty();
        }
    }

    @Test
    void an_earlier_event_not_arrived_yet_is_waited_for_but_not_for_ever() {
        List<OrderSequence.Earlier> onlyFirst = List.of(new OrderSequence.Earlier(1, EventState.DELIVERED, NOW));

        assertThat(OrderSequence.waitUntil(3, onlyFirst, NOW, NOW, MAX_WAIT)).contains(NOW.plusSeconds(2));
        assertThat(OrderSequence.waitUntil(3, onlyFirst, NOW.minus(MAX_WAIT), NOW, MAX_WAIT)).isEmpty();
        assertThat(OrderSequence.waitUntil(3, List.of(new OrderSequence.Earlier(1, EventState.DELIVERED, NOW),
                new OrderSequence.Earlier(2, EventState.FAILED, NOW)), NOW, NOW, MAX_WAIT)).isEmpty();
    }
}
