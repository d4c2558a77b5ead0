package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookDeliveryIT extends IntegrationTest {

    private static final String SECRET = "whsec-test-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MerchantEndpoint endpoint = new MerchantEndpoint();

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void a_published_payment_event_arrives_once_signed_and_in_the_documented_shape() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, endpoint.url());
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, null); // no notify_url: the app's webhook_url is used

        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        MerchantEndpoint.Received webhook = endpoint.received().get(0);
        assertThat(endpoint.received()).hasSize(1);
        assertThat(WebhookSignature.verify(SECRET, webhook.header(WebhookSignature.HEADER), webhook.body(),
                Clock.systemUTC(), Duration.ofMinutes(5))).isTrue();
        assertThat(webhook.header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(event.eventId());
        assertThat(webhook.header(WebhookSignature.STANDARD_ID_HEADER)).isEqualTo(event.eventId());
        assertThat(WebhookSignature.verifyStandard(SECRET, webhook.header(WebhookSignature.STANDARD_ID_HEADER),
                webhook.header(WebhookSignature.STANDARD_TIMESTAMP_HEADER),
                webhook.header(WebhookSignature.STANDARD_SIGNATURE_HEADER), webhook.body(), Clock.systemUTC(),
                Duration.ofMinutes(5))).isTrue();
        assertThat(webhook.header("Content-Type")).isEqualTo("application/json");
        assertThat(webhook.header("User-Agent")).isEqualTo("AggPay-Webhooks/1");
        Map<?, ?> body = JSON.readValue(webhook.body(), Map.class);
        assertThat(List.copyOf(body.keySet())).isEqualTo(List.of("id", "type", "created_at", "data"));
        assertThat(body.get("id")).isEqualTo(event.eventId());
        assertThat(body.get("type")).isEqualTo("payment.succeeded");
        assertThat(body.get("created_at")).isEqualTo(event.occurredAt());
        assertThat(body.get("data")).isEqualTo(event.data());
    }

    @Test
    void the_same_event_published_twice_is_delivered_once() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, null);
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, endpoint.url());

        publish(event);
        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        // a marker published after the duplicate: once it is stored, the duplicate was consumed too
        PaymentEvent marker = aPaymentSucceeded(mchNo, appId, endpoint.url());
        publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(marker.eventId())));
        assertThat(endpoint.received())
                .filteredOn(r -> event.eventId().equals(r.header(WebhookSignature.EVENT_ID_HEADER)))
                .hasSize(1);
        assertThat(attemptCount(event.eventId())).isEqualTo(1);
    }

    @Test
    void an_endpoint_failing_twice_gets_the_same_event_three_times_and_it_is_delivered_once() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, null);
        endpoint.answering(500, 500);
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, endpoint.url());

        publish(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        List<MerchantEndpoint.Received> received = endpoint.received();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER)).containsOnly(event.eventId());
        assertThat(received).extracting(r -> new String(r.body())).containsOnly(new String(received.get(0).body()));
        assertThat(received).extracting(r -> r.header(WebhookSignature.HEADER)).doesNotHaveDuplicates();
        assertThat(received).allSatisfy(r -> assertThat(WebhookSignature.verify(SECRET,
                r.header(WebhookSignature.HEADER), r.body(), Clock.systemUTC(), Duration.ofMinutes(5))).isTrue());
        assertThat(received).allSatisfy(r -> assertThat(WebhookSignature.verifyStandard(SECRET,
                r.header(WebhookSignature.STANDARD_ID_HEADER), r.header(WebhookSignature.STANDARD_TIMESTAMP_HEADER),
                r.header(WebhookSignature.STANDARD_SIGNATURE_HEADER), r.body(), Clock.systemUTC(),
                Duration.ofMinutes(5))).isTrue());
        List<Map<String, Object>> attempts = jdbc.queryForList(
                "SELECT attempt_no, http_status, outcome FROM delivery_attempt WHERE event_id = ? ORDER BY attempt_no",
                event.eventId());
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("HTTP_ERROR", "HTTP_ERROR", "DELIVERED");
        assertThat(attempts).extracting(a -> a.get("http_status")).containsExactly(500, 500, 200);
    }

    @Test
    void an_outage_of_merchant_service_postpones_delivery_without_counting_an_attempt() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, null);
        MERCHANT_SERVICE.failFor(appId);
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, endpoint.url());

        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "MERCHANT_SERVICE_UNAVAILABLE".equals(
                jdbc.queryForObject("SELECT last_error FROM webhook_event WHERE event_id = ?", String.class,
                        event.eventId())));
        MERCHANT_SERVICE.recoverFor(appId);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        assertThat(attemptCount(event.eventId())).isEqualTo(1);
    }

    @Test
    void a_poison_message_is_skipped_and_the_events_behind_it_are_delivered() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, null);
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, endpoint.url());

        publishRaw(mchNo, "{not json");
        publishRaw(mchNo, "{\"event_id\":\"evt_x\",\"event_type\":\"SomethingNew\"}");
        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
    }

    @Test
    void a_notify_url_that_is_not_http_is_refused_and_the_event_fails_at_once() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, null);
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, "file:///etc/passwd");

        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(eventState(event.eventId())));
        assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_event WHERE event_id = ?", String.class,
                event.eventId())).isEqualTo("NOTIFY_URL_FORBIDDEN");
        assertThat(attemptCount(event.eventId())).isEqualTo(1);
    }

    @Test
    void a_metadata_address_is_refused_even_where_loopback_merchants_are_allowed() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, SECRET, null);
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, "http://169.254.169.254/latest/meta-data/");

        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(eventState(event.eventId())));
        assertThat(jdbc.queryForObject("SELECT error FROM delivery_attempt WHERE event_id = ?", String.class,
                event.eventId())).isEqualTo("NOTIFY_URL_FORBIDDEN ADDRESS_METADATA");
        assertThat(attemptCount(event.eventId())).isEqualTo(1);
    }
}
