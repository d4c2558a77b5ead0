package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.notify.store.DeliveryAttemptRow;
import com.aggpay.notify.store.FinishedAttempt;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import com.aggpay.notify.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events here are due only a day from now, so the running engine never sees them; the claims below
 * pretend to run then. That makes the race between "instances" the only thing that decides.
 */
class LeaseIT extends IntegrationTest {

    private static final Instant TOMORROW = Instant.now().plus(Duration.ofDays(1));

    @Autowired
    private WebhookEvents events;
    private final List<Long> ids = new ArrayList<>();

    @AfterEach
    void removeEvents() {
        ids.forEach(id -> {
            jdbc.update("DELETE FROM delivery_attempt WHERE event_id = (SELECT event_id FROM webhook_event WHERE id = ?)",
                    id);
            jdbc.update("DELETE FROM webhook_event WHERE id = ?", id);
        });
    }

    @Test
    void two_instances_claiming_the_same_due_events_at_once_never_get_the_same_event() throws Exception {
        String mchNo = aMerchantNo();
        for (int i = 0; i < 40; i++) {
            ids.add(insertDueTomorrow(mchNo));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<List<WebhookEventRow>> a = CompletableFuture.supplyAsync(() -> claim(start, "instance-a"), pool);
            CompletableFuture<List<WebhookEventRow>> b = CompletableFuture.supplyAsync(() -> claim(start, "instance-b"), pool);

            Set<Long> claimedByA = idsOf(a.get());
            Set<Long> claimedByB = idsOf(b.get());

            Set<Long> claimedByBoth = new HashSet<>(claimedByA);
            claimedByBoth.retainAll(claimedByB);
            assertThat(claimedByBoth).isEmpty();
            Set<Long> all = new HashSet<>(claimedByA);
            all.addAll(claimedByB);
            assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_expired_lease_can_be_taken_over_but_a_live_one_cannot() {
        String mchNo = aMerchantNo();
        ids.add(insertDueTomorrow(mchNo));
        Instant at = TOMORROW.plusSeconds(1);
        assertThat(events.claim(ids, "crashed-instance", at, Duration.ofSeconds(60))).hasSize(1);

        assertThat(events.claim(ids, "other-instance", at.plusSeconds(59), Duration.ofSeconds(60))).isEmpty();
        assertThat(events.claim(ids, "other-instance", at.plusSeconds(61), Duration.ofSeconds(60)))
                .extracting(row -> row.leaseOwner).containsExactly("other-instance");
    }

    @Test
    void recording_a_batch_stores_the_attempts_still_leased_and_skips_one_whose_lease_was_taken_over() {
        String mchNo = aMerchantNo();
        for (int i = 0; i < 3; i++) {
            ids.add(insertDueTomorrow(mchNo));
        }
        Instant at = TOMORROW.plusSeconds(1);
        List<WebhookEventRow> claimed = events.claim(ids, "stalled-instance", at, Duration.ofSeconds(60));
        WebhookEventRow taken = claimed.get(1);
        assertThat(events.claim(List.of(taken.id), "other-instance", at.plusSeconds(61), Duration.ofSeconds(60)))
                .hasSize(1);

        List<Boolean> stored = events.recordAll(claimed.stream()
                .map(e -> FinishedAttempt.delivered(e.eventId, "stalled-instance", attempt(e))).toList(), Instant.now());

        assertThat(stored).containsExactly(true, false, true);
        assertThat(claimed).extracting(e -> eventState(e.eventId)).containsExactly("DELIVERED", "PENDING", "DELIVERED");
        assertThat(claimed).extracting(e -> attemptCount(e.eventId)).containsExactly(1, 0, 1);
        assertThat(events.find(taken.eventId).orElseThrow().leaseOwner).isEqualTo("other-instance");
    }

    private static DeliveryAttemptRow attempt(WebhookEventRow event) {
        DeliveryAttemptRow row = new DeliveryAttemptRow();
        row.eventId = event.eventId;
        row.attemptNo = event.attemptCount + 1;
        row.url = "https://shop.example/hooks";
        row.startedAt = Instant.now();
        row.durationMs = 5;
        row.httpStatus = 200;
        row.outcome = "DELIVERED";
        return row;
    }

    private List<WebhookEventRow> claim(CyclicBarrier start, String owner) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return events.claim(ids, owner, TOMORROW.plusSeconds(1), Duration.ofSeconds(60));
    }

    private long insertDueTomorrow(String mchNo) {
        WebhookEventRow row = new WebhookEventRow();
        row.eventId = "evt_lease_" + java.util.UUID.randomUUID().toString().replace("-", "");
        row.eventType = "PaymentSucceeded";
        row.webhookType = "payment.succeeded";
        row.mchNo = mchNo;
        row.appId = "app-lease";
        row.body = "{}";
        row.endpoint = "app:app-lease";
        row.state = "PENDING";
        row.nextAttemptAt = TOMORROW;
        row.createdAt = Instant.now();
        row.updatedAt = row.createdAt;
        assertThat(events.insertNew(List.of(row), null)).isEqualTo(1);
        return events.find(row.eventId).orElseThrow().id;
    }

    private static Set<Long> idsOf(List<WebhookEventRow> rows) {
        Set<Long> result = new HashSet<>();
        rows.forEach(r -> result.add(r.id));
        return result;
    }
}
