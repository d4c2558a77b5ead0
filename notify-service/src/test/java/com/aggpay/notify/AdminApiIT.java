package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.service.ServiceAuthFilter;
import com.aggpay.contracts.service.ServiceTokens;
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

/** The operator API that the gateway routes (it never routes /internal/**). */
class AdminApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    ServiceTokens serviceTokens;
    private final MerchantEndpoint endpoint = new MerchantEndpoint();

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void an_operator_resend_delivers_the_event_again_and_is_stored_in_the_audit_table() throws Exception {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "admin-secret", endpoint.url()), null);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));

        HttpResponse<String> resend = post("/api/admin/webhooks/events/" + event.eventId() + "/resend", "ops.bob",
                "req-resend-" + event.eventId());

        assertThat(resend.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(resend.body()).get("event_id").asString()).isEqualTo(event.eventId());
        assertThat(resend.body()).doesNotContain("admin-secret");
        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.received().size() == 2);
        assertThat(endpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactly(event.eventId(), event.eventId());
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT operator, action, before_json, after_json, "
                + "request_id, occurred_at FROM operator_audit WHERE target = ?", event.eventId());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("operator")).isEqualTo("ops.bob");
            assertThat(row.get("action")).isEqualTo("WEBHOOK_RESEND");
            assertThat(row.get("request_id")).isEqualTo("req-resend-" + event.eventId());
            assertThat(row.get("occurred_at")).isNotNull();
            JsonNode before = JSON.readTree((String) row.get("before_json"));
            JsonNode after = JSON.readTree((String) row.get("after_json"));
            assertThat(before.get("state").asString()).isEqualTo("DELIVERED");
            assertThat(before.get("attempt_count").asInt()).isEqualTo(1);
            assertThat(after.get("state").asString()).isEqualTo("PENDING");
        });
    }

    @Test
    void without_an_operator_the_resend_is_401_and_nothing_is_resent_or_audited() throws Exception {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "admin-secret", endpoint.url()), null);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(eventState(event.eventId())));

        HttpResponse<String> anonymous = post("/api/admin/webhooks/events/" + event.eventId() + "/resend", null,
                "req-anon");
        HttpResponse<String> malformed = post("/api/admin/webhooks/events/" + event.eventId() + "/resend",
                "not an operator!", "req-bad");

        assertThat(List.of(anonymous, malformed)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("OPERATOR_UNAUTHENTICATED");
        });
        assertThat(eventState(event.eventId())).isEqualTo("DELIVERED");
        assertThat(attemptCount(event.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target = ?", Integer.class,
                event.eventId())).isZero();
    }

    @Test
    void an_unknown_event_is_404_event_unknown_and_not_audited() throws Exception {
        HttpResponse<String> r = post("/api/admin/webhooks/events/evt_nope_admin/resend", "ops.bob", "req-404");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("EVENT_UNKNOWN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target = 'evt_nope_admin'",
                Integer.class)).isZero();
    }

    private HttpResponse<String> post(String path, String operator, String requestId) throws Exception {
        // the hop from the gateway, the only caller the operator API accepts
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(ServiceTokens.HEADER, serviceTokens.issue(ServiceAuthFilter.GATEWAY, serviceTokens.self())
                        .token())
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (operator != null) {
            request.header("X-Aggpay-Operator", operator);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
