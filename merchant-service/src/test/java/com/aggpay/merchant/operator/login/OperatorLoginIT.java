package com.aggpay.merchant.operator.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.demo.LocalDemoSeed;
import com.aggpay.merchant.redis.RedisProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
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
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/admin/login} against the real MariaDB and Redis with the local demo operator. Each test logs in
 * from its own client addresses (as the gateway reports them in {@code X-Aggpay-Client-Ip}) and attacks its own fresh
 * operator, so the throttle counts of one test (or an earlier run: they live in Redis) never reach another. The
 * per-address limit is lowered to keep the BCrypt-bound tests short; the base wait is raised so a test's next request
 * surely lands inside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aggpay.operator-login.per-source.free-failures=8", "aggpay.operator-login.backoff-base=2s",
                "aggpay.operator-login.per-account.max-backoff=5s"})
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
    @Autowired
    OperatorLoginProperties policy;
    @Autowired
    RedisProperties redis;

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
        String tokenId = ((OperatorToken.Verification.Valid) verified).claims().jti();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE operator = 'admin'"
                + " AND action = 'LOGIN' AND target = ?", Integer.class, "token:" + tokenId)).isOne();
    }

    @Test
    void an_unknown_user_and_a_wrong_password_get_the_same_answer(CapturedOutput logs) throws Exception {
        String username = anOperatorWithPassword("right-password");
        String address = anAddress();
        long started = System.nanoTime();
        HttpResponse<String> unknown = login("nobody-" + UUID.randomUUID(), "whatever-password", address);
        long unknownMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> wrong = login(username, "not-the-password", address);

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(wrong));
        assertThat(JSON.readTree(wrong.body()).get("code").asString()).isEqualTo("LOGIN_FAILED");
        assertThat(unknownMillis).as("an unknown user still costs a BCrypt check").isGreaterThan(50);
        assertThat(logs.getOut()).contains("event=OPERATOR_LOGIN_FAILED username=" + username + " reason=BAD_PASSWORD")
                .contains("reason=UNKNOWN_USER").doesNotContain("not-the-password").doesNotContain("whatever-password");
    }

    @Test
    void a_guesser_hammering_an_account_from_one_address_gets_429_while_its_owner_logs_in_from_another()
            throws Exception {
        String username = anOperatorWithPassword("right-password");
        String attacker = anAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong-" + i, attacker).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> hammering = login(username, "wrong-again", attacker);
        HttpResponse<String> evenTheRightPassword = login(username, "right-password", attacker);

        assertThat(hammering.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(hammering.body()).get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        assertThat(hammering.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 2L);
        assertThat(evenTheRightPassword.statusCode()).as("a blocked attempt is not even checked").isEqualTo(429);
        assertThat(login(username, "right-password", anAddress()).statusCode())
                .as("the owner, from another address").isEqualTo(200);
    }

    @Test
    void failures_spread_over_many_addresses_only_slow_the_account_briefly_and_never_lock_it() throws Exception {
        String username = anOperatorWithPassword("right-password");
        for (int i = 0; i < 10; i++) {
            assertThat(login(username, "wrong-" + i, anAddress()).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> slowed = login(username, "right-password", anAddress());

        assertThat(slowed.statusCode()).isEqualTo(429);
        long retryAfter = slowed.headers().firstValueAsLong("Retry-After").orElseThrow();
        assertThat(retryAfter).as("the first account-wide wait, far below any lock").isBetween(1L, 2L);
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertThat(login(username, "right-password", anAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_address_trying_many_usernames_is_throttled_for_every_username() throws Exception {
        String username = anOperatorWithPassword("right-password");
        String address = anAddress();
        for (int i = 0; i < 8; i++) {
            assertThat(login("spray-" + UUID.randomUUID(), "guess", address).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> sprayer = login(username, "right-password", address);

        assertThat(sprayer.statusCode()).isEqualTo(429);
        assertThat(sprayer.headers().firstValue("Retry-After")).isPresent();
        assertThat(login(username, "right-password", anAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_throttle_lives_in_redis_so_another_instance_sees_the_same_failures() throws Exception {
        String username = anOperatorWithPassword("right-password");
        String attacker = anAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong-" + i, attacker).statusCode()).isEqualTo(401);
        }

        try (JedisPooled ownConnection = new JedisPooled(redis.host(), redis.port())) {
            LoginThrottle anotherInstance = new LoginThrottle(ownConnection, policy, redis, Clock.systemUTC());

            assertThat(anotherInstance.waitBefore(username, attacker)).isPositive();
            assertThat(anotherInstance.waitBefore(username.toUpperCase(Locale.ROOT), attacker)).isPositive();
            assertThat(anotherInstance.waitBefore(username, anAddress())).isZero();
            anotherInstance.failed(username, attacker);
        }
        assertThat(login(username, "right-password", attacker).headers().firstValueAsLong("Retry-After").orElseThrow())
                .as("the other instance's failure doubled the wait here").isBetween(3L, 4L);
    }

    @Test
    void a_disabled_operator_gets_the_same_answer_as_a_wrong_password() throws Exception {
        String username = anOperatorWithPassword("right-password");
        jdbc.update("UPDATE operator SET disabled_at = CURRENT_TIMESTAMP(3) WHERE username = ?", username);

        HttpResponse<String> disabled = login(username, "right-password", anAddress());

        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(disabled.body()).get("code").asString()).isEqualTo("LOGIN_FAILED");
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
                .header(ServiceTokens.HEADER, ServiceCallsForTests.fromGateway("merchant-service"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode withoutRequestId(HttpResponse<String> response) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
        node.remove("request_id");
        return node;
    }

    /**
     * A documentation-range address (RFC 3849) in its own /64 per caller (the throttle counts a /64 as one source),
     * so throttles of one test never touch another.
     */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(1, 0x10000)) + ":"
                + Integer.toHexString(random.nextInt(1, 0x10000)) + "::1";
    }
}
