package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.notify.store.WebhookEventRow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitingRoomTest {

    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final String SHOP = "https://shop.example:443";
    private static final String OTHER_SHOP = "https://other.example:443";
    private final WaitingRoom room = new WaitingRoom(2, 3);

    @Test
    void an_endpoints_events_leave_in_the_order_they_came() {
        room.offer(waiting("evt_1", SHOP, T0));
        room.offer(waiting("evt_2", SHOP, T0.plusMillis(1)));

        assertThat(room.poll(SHOP)).get().extracting(w -> w.event().eventId).isEqualTo("evt_1");
        assertThat(room.poll(SHOP)).get().extracting(w -> w.event().eventId).isEqualTo("evt_2");
        assertThat(room.poll(SHOP)).isEmpty();
        assertThat(room.hasWaiting(SHOP)).isFalse();
    }

    @Test
    void there_is_room_for_a_few_events_per_endpoint_and_a_few_more_in_all() {
        assertThat(room.offer(waiting("evt_1", SHOP, T0))).isTrue();
        assertThat(room.offer(waiting("evt_2", SHOP, T0))).isTrue();
        assertThat(room.offer(waiting("evt_3", SHOP, T0))).as("the endpoint's share").isFalse();
        assertThat(room.offer(waiting("evt_4", OTHER_SHOP, T0))).isTrue();
        assertThat(room.offer(waiting("evt_5", OTHER_SHOP, T0))).as("the room in all").isFalse();
        assertThat(room.endpoints()).containsExactly(SHOP, OTHER_SHOP);
    }

    @Test
    void events_that_waited_too_long_are_taken_out_to_go_back_to_the_database() {
        room.offer(waiting("evt_old", SHOP, T0));
        room.offer(waiting("evt_new", SHOP, T0.plusSeconds(4)));

        assertThat(room.expire(T0.plusSeconds(5), Duration.ofSeconds(5)))
                .extracting(w -> w.event().eventId).containsExactly("evt_old");
        assertThat(room.oldest()).contains(T0.plusSeconds(4));
        assertThat(room.drain()).extracting(w -> w.event().eventId).containsExactly("evt_new");
        assertThat(room.oldest()).isEmpty();
        assertThat(room.offer(waiting("evt_again", SHOP, T0))).as("room again after draining").isTrue();
    }

    private static WaitingRoom.Waiting waiting(String eventId, String endpoint, Instant since) {
        WebhookEventRow row = new WebhookEventRow();
        row.eventId = eventId;
        row.endpoint = endpoint;
        return new WaitingRoom.Waiting(row, "owner#1", since);
    }
}
