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
import java.time.Clock;
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
        assertThat(prometheus).contains("aggpay_webhook_attempts_total{outcome=\"DELIVERED\"")
                .contains("aggpay_webhook_attempt_seconds")
                .contains("aggpay_webhook_delivery_latency_seconds_bucket")
                .contains("aggpay_webhook_backlog ")
                .contains("aggpay_webhook_in_flight")
                .contains("aggpay_webhook_endpoints{state=\"ACTIVE\"")
                .contains("aggpay_webhook_endpoints{state=\"DISABLED\"")
                .contains("aggpay_webhook_endpoint_failure_streak_longest")
                .contains("aggpay_webhook_endpoint_failure_streak_bucket")
                .doesNotContain(endpoint.url());
        // every metric the alert rules use is one this service exports
        String rules = java.nio.file.Files.readString(java.nio.file.Path.of("../deploy/monitoring/alerts/webhooks.yml"));
        java.util.regex.Matcher metric = java.util.regex.Pattern.compile("aggpay_[a-z_]+").matcher(rules);
        while (metric.find()) {
            assertThat(prometheus).as("alert rules name " + metric.group()).contains(metric.group());
        }
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

    @Test
    void a_test_send_delivers_one_signed_webhook_test_event_at_once_and_records_it() throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "test-send-secret", endpoint.url());

        HttpResponse<String> response = post("/internal/portal/webhooks/test", Map.of("mch_no", mchNo, "app_id", appId));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<?, ?> answer = JSON.readValue(response.body(), Map.class);
        assertThat(answer.get("delivered")).isEqualTo(true);
        assertThat(answer.get("http_status")).isEqualTo(200);
        assertThat(answer.get("error")).isNull();
        assertThat(((Number) answer.get("latency_ms")).longValue()).isGreaterThanOrEqualTo(0);
        String eventId = (String) answer.get("event_id");
        MerchantEndpoint.Received received = endpoint.received().get(0);
        assertThat(endpoint.received()).hasSize(1);
        assertThat(received.header(WebhookSignature.STANDARD_ID_HEADER)).isEqualTo(eventId);
        assertThat(WebhookSignature.verify("test-send-secret", received.header(WebhookSignature.HEADER),
                received.body(), Clock.systemUTC(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verifyStandard("test-send-secret", eventId,
                received.header(WebhookSignature.STANDARD_TIMESTAMP_HEADER),
                received.header(WebhookSignature.STANDARD_SIGNATURE_HEADER), received.body(), Clock.systemUTC(),
                Duration.ofMinutes(5))).isTrue();
        Map<?, ?> body = JSON.readValue(received.body(), Map.class);
        assertThat(body.get("type")).isEqualTo("webhook.test");
        assertThat(body.get("id")).isEqualTo(eventId);
        assertThat(eventState(eventId)).isEqualTo("DELIVERED");
        assertThat(attemptCount(eventId)).isEqualTo(1);
        assertThat(response.body()).doesNotContain("test-send-secret");
    }

    @Test
    void a_test_send_to_a_failing_url_says_why_and_is_not_retried() throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "test-fail-secret", null);
        endpoint.answering(500);

        Map<?, ?> answer = JSON.readValue(post("/internal/portal/webhooks/test",
                Map.of("mch_no", mchNo, "app_id", appId, "url", endpoint.url())).body(), Map.class);

        assertThat(answer.get("delivered")).isEqualTo(false);
        assertThat(answer.get("http_status")).isEqualTo(500);
        assertThat(answer.get("error")).isEqualTo("HTTP_500");
        assertThat(eventState((String) answer.get("event_id"))).isEqualTo("FAILED");
        Thread.sleep(1_500); // longer than a first retry would wait
        assertThat(endpoint.received()).hasSize(1);
    }

    @Test
    void a_test_send_for_another_merchants_app_is_404_app_unknown() throws Exception {
        String appId = aMerchantApp(aMerchantNo(), "someone-elses-secret", endpoint.url());

        HttpResponse<String> response = post("/internal/portal/webhooks/test",
                Map.of("mch_no", aMerchantNo(), "app_id", appId));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readValue(response.body(), Map.class).get("code")).isEqualTo("APP_UNKNOWN");
        assertThat(endpoint.received()).isEmpty();
    }

    @Test
    void the_endpoints_of_a_merchant_are_listed_with_their_state() throws Exception {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "list-ep-secret", endpoint.url()), null);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));

        List<?> endpoints = JSON.readValue(call("GET", "/internal/portal/webhooks/endpoints?mch_no=" + mchNo).body(),
                List.class);

        assertThat(endpoints).singleElement().satisfies(e -> {
            Map<?, ?> view = (Map<?, ?>) e;
            assertThat(view.get("url")).isEqualTo(endpoint.url());
            assertThat(view.get("state")).isEqualTo("ACTIVE");
            assertThat(view.get("disabled_reason")).isNull();
            assertThat(view.get("consecutive_failures")).isEqualTo(0);
            assertThat(view.get("pending_events")).isEqualTo(0);
            assertThat((List<?>) view.get("last_errors")).isEmpty();
        });
        assertThat(call("GET", "/internal/portal/webhooks/endpoints").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header(ServiceTokens.HEADER, fromPortal())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
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
