package com.aggpay.merchant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.crypto.SecretBox;
import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.merchant.demo.LocalDemoSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against the real MariaDB, schema {@code aggpaytest_merchant}, with the local demo seed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local"})
class InternalAppApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LocalDemoSeed seed;
    @Autowired
    SecretBox secretBox;

    @Test
    void seeding_again_changes_nothing() {
        seed.seed();
        String sealedBefore = rawAppSecret();

        seed.seed();

        assertThat(count("SELECT COUNT(*) FROM merchant WHERE mch_no = 'M10001' AND state = 'APPROVED'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM merchant_app WHERE app_id = 'demo-app'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM operator WHERE username = 'admin' AND role = 'OPERATOR'")).isOne();
        assertThat(rawAppSecret()).as("an unchanged secret is not sealed again").isEqualTo(sealedBefore);
    }

    @Test
    void secrets_are_stored_sealed_never_in_plaintext() {
        var row = jdbc.queryForMap("SELECT app_secret_enc, webhook_secret_enc FROM merchant_app WHERE app_id = 'demo-app'");

        assertThat((String) row.get("app_secret_enc")).startsWith("v1:local:").doesNotContain(LocalDemoSeed.APP_SECRET);
        assertThat((String) row.get("webhook_secret_enc")).startsWith("v1:local:").doesNotContain(LocalDemoSeed.WEBHOOK_SECRET);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM operator WHERE username = 'admin'", String.class))
                .startsWith("$2").doesNotContain(LocalDemoSeed.OPERATOR_PASSWORD);
    }

    @Test
    void seeding_reseals_demo_secrets_that_differ_from_the_documented_ones() throws Exception {
        jdbc.update("UPDATE merchant_app SET app_secret_enc = ?, webhook_secret_enc = ? WHERE app_id = 'demo-app'",
                secretBox.seal("someone-changed-it"), "v1:gone-key:AAAA");

        seed.seed();

        JsonNode app = JSON.readTree(get("/internal/apps/demo-app", null).body());
        assertThat(app.get("app_secret").asString()).isEqualTo(LocalDemoSeed.APP_SECRET);
        assertThat(app.get("webhook_secret").asString()).isEqualTo(LocalDemoSeed.WEBHOOK_SECRET);
    }

    @Test
    void internal_api_answers_the_app_with_its_secrets_opened() throws Exception {
        HttpResponse<String> response = get("/internal/apps/demo-app", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode app = JSON.readTree(response.body());
        assertThat(app.get("app_id").asString()).isEqualTo("demo-app");
        assertThat(app.get("mch_no").asString()).isEqualTo("M10001");
        assertThat(app.get("merchant_state").asString()).isEqualTo("APPROVED");
        assertThat(app.get("app_state").asString()).isEqualTo("ACTIVE");
        assertThat(app.get("app_secret").asString()).isEqualTo(LocalDemoSeed.APP_SECRET);
        assertThat(app.get("webhook_secret").asString()).isEqualTo(LocalDemoSeed.WEBHOOK_SECRET);
        assertThat(app.get("webhook_url").asString()).isEqualTo("http://127.0.0.1:8099/webhooks");
        assertThat(app.has("rsa_public_key")).isTrue();
        assertThat(app.get("rsa_public_key").isNull()).isTrue();
        assertThat(app.get("rate_limit").get("per_second").asInt()).as("API.md: at least 5,000/s").isEqualTo(5000);
        assertThat(app.get("rate_limit").get("burst").asInt()).isEqualTo(10000);
    }

    @Test
    void an_unknown_app_is_a_404_problem_carrying_the_request_id() throws Exception {
        HttpResponse<String> response = get("/internal/apps/no-such-app", "req_test_unknown_app");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req_test_unknown_app");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("code").asString()).isEqualTo("APP_UNKNOWN");
        assertThat(problem.get("param").asString()).isEqualTo("app_id");
        assertThat(problem.get("request_id").asString()).isEqualTo("req_test_unknown_app");
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    @Test
    void notify_service_gets_the_webhook_secret_but_never_the_app_secret() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/internal/apps/demo-app")).GET()
                .header(ServiceTokens.HEADER, ServiceCallsForTests.token("notify-service", "merchant-service")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode app = JSON.readTree(response.body());
        assertThat(app.get("webhook_secret").asString()).isEqualTo("demo-webhook-secret-0123456789ab");
        assertThat(app.get("app_secret").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("demo-app-secret-0123456789abcdef");
    }

    @Test
    void nobody_else_gets_the_app_at_all() throws Exception {
        for (String token : new String[] {null, ServiceCallsForTests.token("order-service", "merchant-service"),
                ServiceCallsForTests.token("notify-service", "order-service")}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/internal/apps/demo-app")).GET();
            if (token != null) {
                request.header(ServiceTokens.HEADER, token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(401, 403);
            assertThat(response.body()).doesNotContain("demo-app-secret").doesNotContain("demo-webhook-secret");
        }
    }

    @Test
    void a_request_without_an_id_gets_a_generated_one() throws Exception {
        HttpResponse<String> response = get("/internal/apps/demo-app", null);

        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("req_[0-9a-f]{24}"));
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header(ServiceTokens.HEADER, ServiceCallsForTests.fromGateway("merchant-service"));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rawAppSecret() {
        return jdbc.queryForObject("SELECT app_secret_enc FROM merchant_app WHERE app_id = 'demo-app'", String.class);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
