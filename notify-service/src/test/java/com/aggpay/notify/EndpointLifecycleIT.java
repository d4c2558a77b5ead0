package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.service.ServiceAuthFilter;
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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's endpoint disabled by 410 or by failing too long, its events held, then enabled and replayed. */
class EndpointLifecycleIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MerchantEndpoint endpoint = new MerchantEndpoint();
    @Autowired
    ServiceTokens serviceTokens;

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void an_endpoint_answering_410_is_disabled_and_no_longer_tried_until_enabled_which_replays_what_it_missed()
            throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "gone-secret", endpoint.url());
        endpoint.answering(410);
        PaymentEvent first = aPaymentSucceeded(mchNo, appId, null);

        publish(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> "HELD".equals(eventState(first.eventId())));
        PaymentEvent second = aPaymentSucceeded(mchNo, appId, null);
        publish(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> "HELD".equals(eventState(second.eventId())));
        Thread.sleep(1_500); // longer than the first retry would have waited
        assertThat(endpoint.received()).as("one attempt, the one answered 410").hasSize(1);
        assertThat(attemptCount(first.eventId())).isEqualTo(1);
        assertThat(attemptCount(second.eventId())).as("held without an attempt").isZero();

        JsonNode listed = JSON.readTree(portal("GET", "/internal/portal/webhooks/endpoints?mch_no=" + mchNo, null)
                .body());
        assertThat(listed).hasSize(1);
        JsonNode view = listed.get(0);
        assertThat(view.get("url").asString()).isEqualTo(endpoint.url());
        assertThat(view.get("state").asString()).isEqualTo("DISABLED");
        assertThat(view.get("disabled_reason").asString()).isEqualTo("GONE");
        assertThat(view.get("disabled_at").isNull()).isFalse();
        assertThat(view.get("consecutive_failures").asInt()).isEqualTo(1);
        assertThat(view.get("pending_events").asLong()).isEqualTo(2);
        assertThat(view.get("last_errors")).singleElement().satisfies(error -> {
            assertThat(error.get("http_status").asInt()).isEqualTo(410);
            assertThat(error.get("outcome").asString()).isEqualTo("HTTP_ERROR");
            assertThat(error.get("at").isNull()).isFalse();
        });

        HttpResponse<String> enabled = portal("POST", "/internal/portal/webhooks/endpoints/enable",
                Map.of("mch_no", mchNo, "url", endpoint.url()));

        assertThat(enabled.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(enabled.body());
        assertThat(answer.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(answer.get("replayed").asInt()).isEqualTo(2);
        assertThat(answer.get("url").asString()).isEqualTo(endpoint.url());
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(first.eventId()))
                && "DELIVERED".equals(eventState(second.eventId())));
        assertThat(endpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactlyInAnyOrder(first.eventId(), first.eventId(), second.eventId());
        Map<String, Object> state = jdbc.queryForMap("SELECT state, consecutive_failures, failing_since "
                + "FROM webhook_endpoint WHERE mch_no = ?", mchNo);
        assertThat(state.get("state")).isEqualTo("ACTIVE");
        assertThat(state.get("consecutive_failures")).isEqualTo(0);
        assertThat(state.get("failing_since")).isNull();
    }

    @Test
    void enabling_an_endpoint_nobody_knows_is_404_endpoint_not_found() throws Exception {
        HttpResponse<String> r = portal("POST", "/internal/portal/webhooks/endpoints/enable",
                Map.of("mch_no", aMerchantNo(), "url", "https://nowhere.example/hooks"));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("ENDPOINT_NOT_FOUND");
    }

    @Test
    void a_success_ends_the_failure_streak() {
        String mchNo = aMerchantNo();
        endpoint.answering(500, 503);
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "streak-secret", null), endpoint.url());

        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(2).equals(jdbc.query(
                "SELECT consecutive_failures FROM webhook_endpoint WHERE mch_no = ?",
                rs -> rs.next() ? rs.getInt(1) : null, mchNo)));
        assertThat(jdbc.queryForObject("SELECT state FROM webhook_endpoint WHERE mch_no = ?", String.class, mchNo))
                .isEqualTo("FAILING");

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACTIVE".equals(jdbc.queryForObject(
                "SELECT state FROM webhook_endpoint WHERE mch_no = ?", String.class, mchNo)));
        Map<String, Object> state = jdbc.queryForMap("SELECT consecutive_failures, failing_since "
                + "FROM webhook_endpoint WHERE mch_no = ?", mchNo);
        assertThat(state.get("consecutive_failures")).isEqualTo(0);
        assertThat(state.get("failing_since")).isNull();
    }

    @Test
    void an_endpoint_failing_for_longer_than_allowed_is_disabled_and_an_operator_enables_it() throws Exception {
        String mchNo = aMerchantNo();
        endpoint.answering(500, 500, 500);
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "long-secret", null), endpoint.url());

        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_endpoint WHERE mch_no = ? AND state = 'FAILING'", Integer.class,
                mchNo) == 1);
        // the streak began more than three days ago: the next failure is one too many
        jdbc.update("UPDATE webhook_endpoint SET failing_since = NOW(3) - INTERVAL 4 DAY WHERE mch_no = ?", mchNo);

        await().atMost(Duration.ofSeconds(20)).until(() -> "HELD".equals(eventState(event.eventId())));
        assertThat(jdbc.queryForMap("SELECT state, disabled_reason FROM webhook_endpoint WHERE mch_no = ?", mchNo))
                .containsEntry("state", "DISABLED").containsEntry("disabled_reason", "FAILING_TOO_LONG");
        JsonNode disabled = JSON.readTree(admin("GET", "/api/admin/webhooks/endpoints?state=DISABLED&mch_no=" + mchNo,
                "ops.alice", null).body());
        assertThat(disabled).singleElement().satisfies(e -> {
            assertThat(e.get("mch_no").asString()).isEqualTo(mchNo);
            assertThat(e.get("disabled_reason").asString()).isEqualTo("FAILING_TOO_LONG");
            assertThat(e.get("pending_events").asLong()).isEqualTo(1);
        });
        int attemptsWhenDisabled = endpoint.received().size();

        HttpResponse<String> anonymous = admin("POST", "/api/admin/webhooks/endpoints/enable", null,
                Map.of("mch_no", mchNo, "url", endpoint.url()));
        HttpResponse<String> enabled = admin("POST", "/api/admin/webhooks/endpoints/enable", "ops.alice",
                Map.of("mch_no", mchNo, "url", endpoint.url()));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(enabled.body()).get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        assertThat(endpoint.received().size()).isGreaterThan(attemptsWhenDisabled);
        List<Map<String, Object>> audit = jdbc.queryForList("SELECT operator, action, before_json, after_json "
                + "FROM operator_audit WHERE action = 'WEBHOOK_ENDPOINT_ENABLE' AND operator = 'ops.alice' "
                + "AND target = (SELECT CONCAT('endpoint:', id) FROM webhook_endpoint WHERE mch_no = ?)", mchNo);
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(JSON.readTree((String) row.get("before_json")).get("state").asString()).isEqualTo("DISABLED");
            assertThat(JSON.readTree((String) row.get("after_json")).get("state").asString()).isEqualTo("ACTIVE");
            assertThat((String) row.get("after_json")).doesNotContain(endpoint.url());
        });
    }

    @Test
    void a_retry_after_on_503_is_honoured_and_the_attempt_still_counts() {
        String mchNo = aMerchantNo();
        endpoint.answering(503).retryingAfter("3");
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "later-secret", null), endpoint.url());

        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        List<MerchantEndpoint.Received> received = endpoint.received();
        assertThat(received).hasSize(2);
        // the test schedule alone would have come back after about 1 s
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
        assertThat(attemptCount(event.eventId())).isEqualTo(2);
    }

    private HttpResponse<String> portal(String method, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(ServiceTokens.HEADER, ServiceCallsForTests.token("merchant-service", "notify-service"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String operator, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(ServiceTokens.HEADER, serviceTokens.issue(ServiceAuthFilter.GATEWAY, serviceTokens.self())
                        .token())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (operator != null) {
            request.header("X-Aggpay-Operator", operator);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
