package com.aggpay.merchant.operator.account;

import static com.aggpay.merchant.GatewayCalls.request;
import static com.aggpay.merchant.GatewayCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.redis.RedisProperties;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logout, disable and enable against the real MariaDB and Redis, called as the gateway calls them (service token,
 * {@code X-Aggpay-Operator} of the verified operator). What the gateway reads is checked in Redis itself, under the
 * key names docs/internals.md gives; each test works on operators of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local"})
class OperatorAccessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SHIFT = Duration.ofHours(8);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    OperatorToken tokens;
    @Autowired
    JedisPooled redis;
    @Autowired
    RedisProperties redisProperties;

    @Test
    void logout_revokes_its_token_until_the_token_would_expire_anyway_and_is_audited() {
        String operator = anOperator("pw-" + UUID.randomUUID());
        OperatorToken.Issued token = tokens.issue(operator, OperatorToken.ROLE_OPERATOR, SHIFT);
        String requestId = "req_logout_" + UUID.randomUUID().toString().replace("-", "");

        HttpResponse<String> response = send(request(port, "POST", "/api/admin/logout", null)
                .header("X-Aggpay-Operator", operator).header("Authorization", "Bearer " + token.token())
                .header("X-Request-Id", requestId));

        assertThat(response.statusCode()).isEqualTo(204);
        String revoked = key("revoked:" + token.claims().jti());
        assertThat(redis.exists(revoked)).isTrue();
        assertThat(Duration.ofMillis(redis.pttl(revoked))).as("kept until the token expires, plus a margin")
                .isBetween(SHIFT, SHIFT.plusMinutes(6));
        Map<String, Object> row = jdbc.queryForMap("SELECT operator, action, after_json, request_id FROM operator_audit"
                + " WHERE target = ?", "token:" + token.claims().jti());
        assertThat(row).containsEntry("operator", operator).containsEntry("action", "LOGOUT")
                .containsEntry("request_id", requestId);
        assertThat(JSON.readTree((String) row.get("after_json")).get("state").asString()).isEqualTo("REVOKED");
        assertThat((String) row.get("after_json")).doesNotContain(token.token());
    }

    @Test
    void a_logout_carrying_another_operators_token_revokes_nothing() {
        String operator = anOperator("pw-" + UUID.randomUUID());
        OperatorToken.Issued someoneElses = tokens.issue("someone-else", OperatorToken.ROLE_OPERATOR, SHIFT);

        HttpResponse<String> response = send(request(port, "POST", "/api/admin/logout", null)
                .header("X-Aggpay-Operator", operator).header("Authorization", "Bearer " + someoneElses.token()));

        assertProblem(response, 401, "OPERATOR_UNAUTHENTICATED");
        assertThat(redis.exists(key("revoked:" + someoneElses.claims().jti()))).isFalse();
        assertThat(auditRows("token:" + someoneElses.claims().jti())).isZero();
    }

    @Test
    void a_logout_without_its_token_is_refused() {
        HttpResponse<String> response = send(request(port, "POST", "/api/admin/logout", null)
                .header("X-Aggpay-Operator", "admin"));

        assertProblem(response, 401, "OPERATOR_UNAUTHENTICATED");
    }

    @Test
    void an_admin_call_without_the_operator_the_gateway_verified_is_refused() {
        String operator = anOperator("pw-" + UUID.randomUUID());

        HttpResponse<String> response = send(request(port, "POST", "/api/admin/operators/" + operator + "/disable",
                null));

        assertProblem(response, 401, "OPERATOR_UNAUTHENTICATED");
        assertThat(disabledAt(operator)).isNull();
    }

    @Test
    void disabling_an_operator_revokes_every_token_it_holds_and_refuses_its_logins() {
        String password = "pw-" + UUID.randomUUID();
        String operator = anOperator(password);
        Instant heldExpiresAt = Instant.parse(JSON.readTree(login(operator, password).body()).get("expires_at")
                .asString());

        HttpResponse<String> response = asAdmin("POST", "/api/admin/operators/" + operator.toUpperCase(Locale.ROOT)
                + "/disable");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("username").asString()).isEqualTo(operator);
        assertThat(body.get("state").asString()).isEqualTo("DISABLED");
        assertThat(Long.parseLong(redis.get(key("expired-by:" + operator))))
                .as("the held token expires at or before the cut-off").isGreaterThanOrEqualTo(heldExpiresAt.getEpochSecond());
        assertThat(disabledAt(operator)).isNotNull();
        assertThat(login(operator, password).statusCode()).isEqualTo(401);
        Map<String, Object> row = jdbc.queryForMap("SELECT operator, before_json, after_json FROM operator_audit"
                + " WHERE target = ? AND action = 'OPERATOR_DISABLED'", "operator:" + operator);
        assertThat(row).containsEntry("operator", "admin");
        assertThat(JSON.readTree((String) row.get("before_json")).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(JSON.readTree((String) row.get("after_json")).get("state").asString()).isEqualTo("DISABLED");
    }

    @Test
    void an_enabled_operator_logs_in_again_and_only_its_new_tokens_are_good() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String operator = anOperator(password);
        OperatorToken.Issued old = tokens.issue(operator, OperatorToken.ROLE_OPERATOR, SHIFT);
        assertThat(asAdmin("POST", "/api/admin/operators/" + operator + "/disable").statusCode()).isEqualTo(200);
        // Token expiry is in whole seconds: a token issued in the very second of the disable is revoked with it.
        Thread.sleep(1100);

        HttpResponse<String> enabled = asAdmin("POST", "/api/admin/operators/" + operator + "/enable");
        HttpResponse<String> login = login(operator, password);

        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(enabled.body()).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(login.statusCode()).isEqualTo(200);
        long cutOff = Long.parseLong(redis.get(key("expired-by:" + operator)));
        OperatorToken.Claims fresh = ((OperatorToken.Verification.Valid) tokens.verify(
                JSON.readTree(login.body()).get("token").asString())).claims();
        assertThat(old.claims().expiresAt().getEpochSecond()).as("the old token stays revoked").isLessThanOrEqualTo(cutOff);
        assertThat(fresh.expiresAt().getEpochSecond()).as("the new token is good").isGreaterThan(cutOff);
        assertThat(disabledAt(operator)).isNull();
        assertThat(jdbc.queryForObject("SELECT before_json FROM operator_audit WHERE target = ?"
                + " AND action = 'OPERATOR_ENABLED'", String.class, "operator:" + operator)).contains("DISABLED");
    }

    @Test
    void an_operator_cannot_disable_itself() {
        String operator = anOperator("pw-" + UUID.randomUUID());

        HttpResponse<String> response = send(request(port, "POST", "/api/admin/operators/" + operator + "/disable",
                null).header("X-Aggpay-Operator", operator));

        JsonNode problem = assertProblem(response, 409, "CANNOT_DISABLE_SELF");
        assertThat(problem.get("param").asString()).isEqualTo("username");
        assertThat(disabledAt(operator)).isNull();
        assertThat(redis.exists(key("expired-by:" + operator))).isFalse();
    }

    @Test
    void disabling_or_enabling_an_unknown_operator_is_a_404() {
        assertProblem(asAdmin("POST", "/api/admin/operators/nobody-" + UUID.randomUUID() + "/disable"), 404,
                "OPERATOR_UNKNOWN");
        assertProblem(asAdmin("POST", "/api/admin/operators/nobody-" + UUID.randomUUID() + "/enable"), 404,
                "OPERATOR_UNKNOWN");
    }

    private HttpResponse<String> asAdmin(String method, String path) {
        return send(request(port, method, path, null).header("X-Aggpay-Operator", "admin"));
    }

    private HttpResponse<String> login(String username, String password) {
        return send(request(port, "POST", "/api/admin/login",
                JSON.writeValueAsString(Map.of("username", username, "password", password)))
                .header("X-Aggpay-Client-Ip", "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current()
                        .nextInt(1, 0x10000)) + ":" + Integer.toHexString(ThreadLocalRandom.current()
                        .nextInt(1, 0x10000)) + "::1"));
    }

    private String anOperator(String password) {
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO operator (username, password_hash, role) VALUES (?, ?, 'OPERATOR')",
                username, passwords.encode(password));
        return username;
    }

    private Object disabledAt(String username) {
        return jdbc.queryForObject("SELECT disabled_at FROM operator WHERE username = ?", Object.class, username);
    }

    private int auditRows(String target) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target = ?", Integer.class, target);
    }

    private String key(String suffix) {
        return redisProperties.keyPrefix() + ":operator-token:" + suffix;
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        return problem;
    }
}
