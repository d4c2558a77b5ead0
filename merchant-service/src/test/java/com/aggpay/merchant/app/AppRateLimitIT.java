package com.aggpay.merchant.app;

import static com.aggpay.merchant.GatewayCalls.request;
import static com.aggpay.merchant.GatewayCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.crypto.SecretBox;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code PUT /api/admin/apps/{app_id}/rate-limit} and the limit in the internal app answer, on apps of each test's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local"})
class AppRateLimitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretBox secretBox;

    @Test
    void a_new_app_has_the_platform_default_limit() {
        String appId = anApp();

        JsonNode limit = JSON.readTree(send(request(port, "GET", "/internal/apps/" + appId, null)).body())
                .get("rate_limit");

        assertThat(limit.get("per_second").asInt()).isEqualTo(100);
        assertThat(limit.get("burst").asInt()).isEqualTo(200);
    }

    @Test
    void an_operator_sets_an_apps_limit_which_the_internal_answer_then_carries_and_the_audit_keeps() {
        String appId = anApp();
        String requestId = "req_limit_" + UUID.randomUUID().toString().replace("-", "");

        HttpResponse<String> response = send(request(port, "PUT", "/api/admin/apps/" + appId + "/rate-limit",
                "{\"per_second\":300,\"burst\":600}").header("X-Aggpay-Operator", "admin")
                .header("X-Request-Id", requestId));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("app_id").asString()).isEqualTo(appId);
        assertThat(body.get("per_second").asInt()).isEqualTo(300);
        assertThat(body.get("burst").asInt()).isEqualTo(600);
        JsonNode internal = JSON.readTree(send(request(port, "GET", "/internal/apps/" + appId, null)).body());
        assertThat(internal.get("rate_limit").get("per_second").asInt()).isEqualTo(300);
        assertThat(internal.get("rate_limit").get("burst").asInt()).isEqualTo(600);
        Map<String, Object> row = jdbc.queryForMap("SELECT operator, action, before_json, after_json, request_id"
                + " FROM operator_audit WHERE target = ?", "app:" + appId);
        assertThat(row).containsEntry("operator", "admin").containsEntry("action", "APP_RATE_LIMIT_CHANGED")
                .containsEntry("request_id", requestId);
        JsonNode before = JSON.readTree((String) row.get("before_json"));
        assertThat(before.get("per_second").asInt()).isEqualTo(100);
        assertThat(before.get("platform_default").asBoolean()).isTrue();
        assertThat(JSON.readTree((String) row.get("after_json")).get("burst").asInt()).isEqualTo(600);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"per_second\":\"100\",\"burst\":200}|per_second",
            "{\"per_second\":1e2,\"burst\":200}|per_second",
            "{\"per_second\":12.5,\"burst\":200}|per_second",
            "{\"per_second\":0,\"burst\":200}|per_second",
            "{\"per_second\":-5,\"burst\":200}|per_second",
            "{\"per_second\":100001,\"burst\":200000}|per_second",
            "{\"per_second\":99999999999999999999999,\"burst\":200}|per_second",
            "{\"burst\":200}|per_second",
            "{\"per_second\":100,\"burst\":null}|burst",
            "{\"per_second\":100,\"burst\":50}|burst",
            "{\"per_second\":100,\"burst\":1000001}|burst",
            "{\"per_second\":100,\"burst\":true}|burst"})
    void invalid_limits_are_a_400_naming_the_field_and_change_nothing(String json, String param) {
        String appId = anApp();

        HttpResponse<String> response = send(request(port, "PUT", "/api/admin/apps/" + appId + "/rate-limit", json)
                .header("X-Aggpay-Operator", "admin"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(problem.get("param").asString()).isEqualTo(param);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target = ?", Integer.class,
                "app:" + appId)).isZero();
    }

    @Test
    void a_body_that_is_not_a_json_object_is_a_400() {
        for (String json : new String[] {"", "[1,2]", "{", "null"}) {
            HttpResponse<String> response = send(request(port, "PUT", "/api/admin/apps/demo-app/rate-limit", json)
                    .header("X-Aggpay-Operator", "admin"));

            assertThat(response.statusCode()).as(json).isEqualTo(400);
        }
    }

    @Test
    void an_unknown_app_is_a_404() {
        HttpResponse<String> response = send(request(port, "PUT", "/api/admin/apps/no-such-app/rate-limit",
                "{\"per_second\":100,\"burst\":200}").header("X-Aggpay-Operator", "admin"));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("APP_UNKNOWN");
        assertThat(problem.get("param").asString()).isEqualTo("app_id");
    }

    @Test
    void setting_a_limit_needs_the_operator_the_gateway_verified() {
        String appId = anApp();

        HttpResponse<String> response = send(request(port, "PUT", "/api/admin/apps/" + appId + "/rate-limit",
                "{\"per_second\":100000,\"burst\":1000000}"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("OPERATOR_UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT rate_limit_per_second FROM merchant_app WHERE app_id = ?",
                Integer.class, appId)).isNull();
    }

    /** An app of the seeded demo merchant, without a limit of its own. */
    private String anApp() {
        String appId = "rl-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("INSERT INTO merchant_app (app_id, merchant_id, name, state, app_secret_enc, webhook_secret_enc)"
                        + " VALUES (?, 'mer_demo', 'Rate limit test app', 'ACTIVE', ?, ?)",
                appId, secretBox.seal("app-secret-" + appId), secretBox.seal("webhook-secret-" + appId));
        return appId;
    }
}
