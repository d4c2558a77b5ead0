package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.contracts.signing.WebhookSignature;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One endpoint of each kind on loopback, called as notify-service calls them: signed in both forms, a forged
 * signature, a hang, and an outage of the healthy endpoint on its own port.
 */
class WebhookFleetTest {

    private static final String SECRET = "test-webhook-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FleetTracker tracker;
    private WebhookFleet fleet;

    @BeforeEach
    void start() throws IOException {
        Map<EndpointKind, Integer> counts = new EnumMap<>(EndpointKind.class);
        for (EndpointKind kind : EndpointKind.values()) {
            counts.put(kind, 1);
        }
        tracker = new FleetTracker(WebhookRun.layout(counts));
        fleet = new WebhookFleet(counts, Duration.ofMillis(200), SECRET, tracker);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void the_kinds_take_turns_in_the_order_the_tracker_assumes() {
        assertThat(fleet.kinds()).containsExactly(EndpointKind.HEALTHY, EndpointKind.SLOW, EndpointKind.FAILING,
                EndpointKind.HANGING);
        assertThat(fleet.urls()).doesNotHaveDuplicates().allMatch(u -> u.startsWith("http://127.0.0.1:"));
    }

    @Test
    void a_paid_order_is_followed_to_its_healthy_endpoint_and_both_signature_forms_are_checked() throws Exception {
        tracker.created("po_1", "BrunN0", true); // order 0 of the round robin: the healthy endpoint
        tracker.paid("po_1", System.nanoTime());

        assertThat(send(url(EndpointKind.HEALTHY), "evt_1", "po_1", true, false).statusCode()).isEqualTo(204);
        assertThat(send(url(EndpointKind.HEALTHY), "evt_2", "po_1", true, true).statusCode()).isEqualTo(400);
        assertThat(send(url(EndpointKind.HEALTHY), "evt_3", "po_1", false, false).statusCode()).isEqualTo(204);

        FleetTracker.Summary s = tracker.summary(0);
        CycleTracker.Summary healthy = s.orders().get(EndpointKind.HEALTHY);
        assertThat(healthy.received()).isEqualTo(1);
        assertThat(healthy.missing()).isZero();
        assertThat(healthy.ordersWithSeveralEvents()).isEqualTo(1); // evt_3 for the same order
        assertThat(s.signatures()).containsEntry(FleetTracker.Signature.BOTH, 1L)
                .containsEntry(FleetTracker.Signature.BAD, 1L).containsEntry(FleetTracker.Signature.AGGPAY_ONLY, 1L);
    }

    @Test
    void slow_answers_late_failing_answers_500_and_hanging_never_answers() throws Exception {
        long before = System.nanoTime();
        assertThat(send(url(EndpointKind.SLOW), "evt_s", "po_s", true, false).statusCode()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(send(url(EndpointKind.FAILING), "evt_f", "po_f", true, false).statusCode()).isEqualTo(500);
        assertThatThrownBy(() -> http.send(request(url(EndpointKind.HANGING), "evt_h", "po_h", true, false)
                .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (fleet.hanging().requests() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fleet.hanging().requests()).isEqualTo(1);
        assertThat(tracker.summary(fleet.hanging().requests()).attempts())
                .containsEntry(EndpointKind.SLOW, 1L).containsEntry(EndpointKind.FAILING, 1L)
                .containsEntry(EndpointKind.HANGING, 1L);
    }

    @Test
    void a_healthy_endpoint_taken_down_refuses_connections_and_comes_back_on_its_port() throws Exception {
        String healthy = url(EndpointKind.HEALTHY);
        Drain drain = tracker.drain("evt_o", 1, System.nanoTime());

        fleet.takeHealthyDown();
        assertThatThrownBy(() -> send(healthy, "evt_o0", "po_o0", true, false)).isInstanceOf(ConnectException.class);
        fleet.bringHealthyBack();

        assertThat(send(healthy, "evt_o0", "po_o0", true, false).statusCode()).isEqualTo(204);
        assertThat(drain.complete()).isTrue();
        assertThat(tracker.summary(0).orders().get(EndpointKind.HEALTHY).unknownOrders()).isZero();
    }

    private String url(EndpointKind kind) {
        return fleet.urls(kind).get(0);
    }

    private HttpResponse<Void> send(String url, String eventId, String payOrderId, boolean standard, boolean forge)
            throws IOException, InterruptedException {
        return http.send(request(url, eventId, payOrderId, standard, forge).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** As notify-service signs: the same t in both forms; {@code forge} breaks only the Standard Webhooks one. */
    private static HttpRequest.Builder request(String url, String eventId, String payOrderId, boolean standard,
                                               boolean forge) {
        byte[] body = ("{\"id\":\"" + eventId + "\",\"type\":\"payment.succeeded\",\"created_at\":\"x\",\"data\":"
                + "{\"pay_order_id\":\"" + payOrderId + "\"}}").getBytes(StandardCharsets.UTF_8);
        long t = System.currentTimeMillis() / 1000;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                .header(WebhookSignature.HEADER, WebhookSignature.header(SECRET, t, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (standard) {
            b.header(WebhookSignature.STANDARD_ID_HEADER, eventId)
                    .header(WebhookSignature.STANDARD_TIMESTAMP_HEADER, Long.toString(t))
                    .header(WebhookSignature.STANDARD_SIGNATURE_HEADER,
                            WebhookSignature.standard(forge ? "another-secret" : SECRET, eventId, t, body));
        }
        return b;
    }
}
