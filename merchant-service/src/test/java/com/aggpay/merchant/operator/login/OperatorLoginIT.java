package com.aggpay.merchant.operator.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.demo.LocalDemoSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/admin/login} against the real MariaDB with the local demo operator. Each test logs in from its
 * own client address (as the gateway reports it in {@code X-Aggpay-Client-Ip}) so the in-memory throttle of one test
 * does not leak into another. The per-address limit is lowered to keep the BCrypt-bound tests short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "aggpay.operator-login.max-failures-per-address=8")
@ActiveProfiles({"test", "local"})
@ExtendWith(OutputCaptureExtension.class)
class OperatorLoginIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    OperatorToken tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void the_demo_operator_logs_in_and_gets_an_eight_hour_operator_token(CapturedOutput logs) throws Exception {
        HttpResponse<String> response = login(LocalDemoSeed.OPERATOR, LocalDemoSeed.OPERATOR_PASSWORD, anAddress());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode body = JSON.readTree(response.body());
        OperatorToken.Verification verified = tokens.verify(body.get("token").asString());
        assertThat(verified).isInstanceOfSatisfying(OperatorToken.Verification.Valid.class, valid -> {
            assertThat(valid.claims().subject()).isEqualTo("admin");
            assertThat(valid.claims().role()).isEqualTo("OPERATOR");
            assertThat(Duration.between(Instant.now(), valid.claims().expiresAt()))
                    .isBetween(Duration.ofHours(8).minusMinutes(1), Duration.ofHours(8));
            assertThat(OffsetDateTime.parse(body.get("expires_at").asString()).toInstant())
                    .isEqualTo(valid.claims().expiresAt());
        });
        assertThat(logs.getOut()).contains("event=OPERATOR_LOGIN_SUCCEEDED operator=admin")
                .doesNotContain(LocalDemoSeed.OPERATOR_PASSWORD).doesNotContain(body.get("token").asString());
    }

    @Test
    void an_unknown_user_and_a_wrong_password_get_the_same_answer(CapturedOutput logs) throws Exception {
        String address = anAddress();
        long started = System.nanoTime();
        HttpResponse<String> unknown = login("nobody-" + UUID.randomUUID(), "whatever-password", address);
        long unknownMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> wrong = login(LocalDemoSeed.OPERATOR, "not-the-password", address);

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(wrong));
        assertThat(JSON.readTree(wrong.body()).get("code").asString()).isEqualTo("LOGIN_FAILED");
        assertThat(unknownMillis).as("an unknown user still costs a BCrypt check").isGreaterThan(50);
        assertThat(logs.getOut()).contains("event=OPERATOR_LOGIN_FAILED username=admin reason=BAD_PASSWORD")
                .contains("reason=UNKNOWN_USER").doesNotContain("not-the-password").doesNotContain("whatever-password");
    }

    @Test
    void five_failures_throttle_the_username_even_with_the_right_password_and_from_elsewhere() throws Exception {
        String username = anOperatorWithPassword("right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong-" + i, anAddress()).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> response = login(username, "right-password", anAddress());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        assertThat(login(LocalDemoSeed.OPERATOR, LocalDemoSeed.OPERATOR_PASSWORD, anAddress()).statusCode())
                .as("other operators are unaffected").isEqualTo(200);
    }

    @Test
    void an_address_trying_many_usernames_is_throttled_for_every_username() throws Exception {
        String address = anAddress();
        for (int i = 0; i < 8; i++) {
            assertThat(login("spray-" + UUID.randomUUID(), "guess", address).statusCode()).isEqualTo(401);
        }

        assertThat(login(LocalDemoSeed.OPERATOR, LocalDemoSeed.OPERATOR_PASSWORD, address).statusCode())
                .isEqualTo(429);
        assertThat(login(LocalDemoSeed.OPERATOR, LocalDemoSeed.OPERATOR_PASSWORD, anAddress()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_login_without_a_password_is_a_400_naming_the_field() throws Exception {
        HttpResponse<String> response = post("{\"username\":\"admin\"}", anAddress());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(problem.get("param").asString()).isEqualTo("password");
    }

    private String anOperatorWithPassword(String password) {
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO operator (username, password_hash, role) VALUES (?, ?, 'OPERATOR')",
                username, passwords.encode(password));
        return username;
    }

    private HttpResponse<String> login(String username, String password, String clientIp) throws Exception {
        return post(JSON.writeValueAsString(java.util.Map.of("username", username, "password", password)), clientIp);
    }

    private HttpResponse<String> post(String json, String clientIp) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/login"))
                .header("Content-Type", "application/json")
                .header("X-Aggpay-Client-Ip", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode withoutRequestId(HttpResponse<String> response) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
        node.remove("request_id");
        return node;
    }

    /** A documentation-range address (RFC 3849) per caller, so throttles of one test never touch another. */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8::" + Integer.toHexString(random.nextInt(1, 0x10000)) + ":"
                + Integer.toHexString(random.nextInt(1, 0x10000));
    }
}
