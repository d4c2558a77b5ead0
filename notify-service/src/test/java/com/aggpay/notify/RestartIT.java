package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * notify-service stopped in the middle of a backlog and started again: a separate application context plays the
 * instance that goes away with attempts in flight and events waiting, another one the instance started after it.
 * Every event is delivered; the only repeats are attempts that were in flight when the first one went away (their
 * outcome was never stored), which at-least-once allows.
 */
class RestartIT extends IntegrationTest {

    private static final int EVENTS = 100;

    private final MerchantEndpoint endpoint = new MerchantEndpoint().hanging(Duration.ofSeconds(1));
    @Autowired
    private WebhookEvents events;
    @Autowired
    private DeliveryEngine engine;
    @Autowired
    private NotifyProperties properties;

    @AfterEach
    void cleanUp() {
        endpoint.close();
        engine.start();
    }

    @Test
    void a_restart_mid_backlog_delivers_every_event_repeating_only_what_was_in_flight() {
        engine.stop(); // this context's own engine stays out of it: two instances, one after the other, do the work
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "restart-secret", null);
        List<String> ids = storeBacklog(mchNo, appId);

        try (ConfigurableApplicationContext first = anotherInstance()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received().size() >= share());
        } // gone with a full share of attempts in flight and the rest of the backlog leased or waiting
        int beforeRestart = endpoint.received().size();
        assertThat(ids).as("the first instance went away mid-backlog")
                .anySatisfy(id -> assertThat(eventState(id)).isEqualTo("PENDING"));

        try (ConfigurableApplicationContext second = anotherInstance()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> "DELIVERED".equals(eventState(id))));
        }

        Map<String, Long> receivedPerEvent = endpoint.received().stream()
                .map(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(receivedPerEvent.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        long repeats = endpoint.received().size() - EVENTS;
        assertThat(repeats).as("repeats: at most the attempts in flight when the first instance went away")
                .isLessThanOrEqualTo(beforeRestart);
        assertThat(receivedPerEvent.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(ids).allSatisfy(id -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivery_attempt WHERE event_id = ? AND outcome = 'DELIVERED'", Integer.class,
                id)).as("one delivery on record per event").isEqualTo(1));
    }

    /** Due now and leased to nobody: whichever instance scans first takes them, as after a crash. */
    private List<String> storeBacklog(String mchNo, String appId) {
        List<WebhookEventRow> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < EVENTS; i++) {
            rows.add(PaymentEventListener.toRow(aPaymentSucceeded(mchNo, appId, endpoint.url()), now));
        }
        assertThat(events.insertNew(rows, null)).isEqualTo(EVENTS);
        return rows.stream().map(r -> r.eventId).toList();
    }

    /**
     * A second notify-service on the same database: short leases, so that what its predecessor held comes back
     * soon. Command-line arguments, so that they win over the configuration files as they do in a real start.
     */
    private ConfigurableApplicationContext anotherInstance() {
        return new SpringApplicationBuilder(NotifyServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--management.server.port=0",
                        "--aggpay.topic-prefix=" + TOPIC_PREFIX,
                        "--spring.kafka.bootstrap-servers=" + KAFKA,
                        "--spring.kafka.listener.auto-startup=false",
                        "--spring.cloud.discovery.client.simple.instances.merchant-service[0].uri="
                                + MERCHANT_SERVICE.baseUrl(),
                        "--aggpay.notify.engine.lease=3s",
                        "--aggpay.notify.engine.scan-interval=1s");
    }

    private int share() {
        return properties.engine().perEndpointInFlight();
    }
}
