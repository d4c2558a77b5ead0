package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.json.JsonMapper;

class InternalApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    /** The internal API's one caller: merchant-service (the portal). */
    private static String fromPortal() {
        return ServiceCallsForTests.token("merchant-service", "notify-service");
    }

    private final MerchantEndpoint endpoint = new MerchantEndpoint();

    @LocalManagementPort
    int managementPort;

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void a_delivered_event_is_delivered_again_with_the_same_id_when_a_resend_is_asked() throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "resend-secret", endpoint.url());
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, null);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));

        HttpResponse<String> resend = call("POST", "/internal/events/" + event.eventId() + "/resend");

        assertThat(resend.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.received().size() == 2);
        assertThat(endpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactly(event.eventId(), event.eventId());
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        Map<?, ?> view = JSON.readValue(call("GET", "/internal/events/" + event.eventId()).body(), Map.class);
        assertThat(view.get("state")).isEqualTo("DELIVERED");
        assertThat((List<?>) view.get("attempts")).hasSize(2);
        assertThat(view.toString()).doesNotContain("resend-secret");
    }

    @Test
    void an_unknown_event_answers_404_event_unknown_as_problem_json_with_the_request_id() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/internal/events/evt_nope/resend"))
                .header("X-Request-Id", "req-404-test").header(ServiceTokens.HEADER, fromPortal())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-404-test");
        Map<?, ?> problem = JSON.readValue(response.body(), Map.class);
        assertThat(problem.get("code")).isEqualTo("EVENT_UNKNOWN");
        assertThat(problem.get("param")).isEqualTo("event_id");
        assertThat(problem.get("request_id")).isEqualTo("req-404-test");
    }

    @Test
    void recent_events_of_an_app_are_listed_newest_first() throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "list-secret", endpoint.url());
        PaymentEvent first = aPaymentSucceeded(mchNo, appId, null);
        PaymentEvent second = aPaymentSucceeded(mchNo, appId, null);
        publish(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventState(first.eventId()) != null);
        Thread.sleep(20); // distinct created_at
        publish(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventState(second.eventId()) != null);

        Map<?, ?> page = JSON.readValue(call("GET", "/internal/events?app_id=" + appId + "&page=1").body(), Map.class);

        List<Object> eventIds = ((List<?>) page.get("items")).stream()
                .map(item -> ((Map<?, ?>) item).get("event_id")).map(Object.class::cast).toList();
        assertThat(eventIds).containsExactly(second.eventId(), first.eventId());
        assertThat(call("GET", "/internal/events").statusCode()).isEqualTo(400);
    }

    @Test
    void health_and_delivery_metrics_are_exposed() throws Exception {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "m-secret", endpoint.url()), null);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));

        HttpResponse<String> health = plain(uri("/readyz"));
        String prometheus = plain(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).body();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(plain(uri("/actuator/prometheus")).statusCode()).as("no metrics on the service port").isEqualTo(401);
        assertThat(prometheus).contains("aggpay_webhook_deliveries_total{outcome=\"DELIVERED\"")
                .contains("aggpay_webhook_delivery_seconds")
                .contains("aggpay_webhook_backlog_due")
                .contains("aggpay_webhook_in_flight");
    }

    @Test
    void the_internal_api_answers_nobody_but_the_portal() throws Exception {
        HttpResponse<String> anonymous = plain(uri("/internal/events?app_id=demo-app"));
        HttpResponse<String> fromGateway = http.send(HttpRequest.newBuilder(uri("/internal/events?app_id=demo-app"))
                .header(ServiceTokens.HEADER, ServiceCallsForTests.fromGateway("notify-service")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(fromGateway.statusCode()).isEqualTo(403);
    }

    /** The internal API's one caller: merchant-service (the portal). */
    private HttpResponse<String> call(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header(ServiceTokens.HEADER, fromPortal())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> plain(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
