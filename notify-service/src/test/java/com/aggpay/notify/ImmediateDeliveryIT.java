package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.config.NotifyProperties;
import com.aggpay.notify.delivery.DeliveryEngine;
import com.aggpay.notify.intake.PaymentEventListener;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test profile scans the database only every few minutes, so each delivery here within seconds was started by
 * the intake handing the event over, or by a scan something asked for, never by the periodic one.
 */
class ImmediateDeliveryIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MerchantEndpoint endpoint = new MerchantEndpoint();
    @Autowired
    private NotifyProperties properties;
    @Autowired
    private WebhookEvents events;
    @Autowired
    private DeliveryEngine engine;

    @BeforeEach
    void theNextPeriodicScanIsMinutesAway() {
        assertThat(properties.engine().scanInterval()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void a_fresh_event_is_delivered_at_once_without_waiting_for_a_scan() {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "fresh-secret", endpoint.url()), null);
        Instant published = Instant.now();

        publish(event);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        assertThat(Duration.between(published, endpoint.received().get(0).at())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void an_event_another_instance_left_in_the_database_is_delivered_by_the_scan() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "scan-secret", endpoint.url());
        WebhookEventRow row = storedUnleased(aPaymentSucceeded(mchNo, appId, null));

        engine.scanOnce();

        // not a latency test: older due events (retries of other tests) go first, oldest first
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(row.eventId)));
        assertThat(endpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactly(row.eventId);
    }

    @Test
    void five_hundred_events_arriving_at_once_are_each_delivered_exactly_once() throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "burst-secret", endpoint.url());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            PaymentEvent event = aPaymentSucceeded(mchNo, appId, null);
            eventIds.add(event.eventId());
            sends.add(kafka.send(TOPIC, mchNo, JSON.writeValueAsString(event)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).until(() -> countFor(mchNo, "DELIVERED") == 500);
        assertThat(endpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN webhook_event e "
                + "ON e.event_id = a.event_id WHERE e.mch_no = ?", Integer.class, mchNo)).isEqualTo(500);
    }

    /** As an instance that gave the event back, or crashed before starting it, leaves it: due and unleased. */
    private WebhookEventRow storedUnleased(PaymentEvent event) {
        WebhookEventRow row = PaymentEventListener.toRow(event, Instant.now());
        assertThat(events.insertNew(List.of(row), null)).isEqualTo(1);
        return row;
    }

    private int countFor(String mchNo, String state) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_event WHERE mch_no = ? AND state = ?",
                Integer.class, mchNo, state);
        return n == null ? 0 : n;
    }
}
