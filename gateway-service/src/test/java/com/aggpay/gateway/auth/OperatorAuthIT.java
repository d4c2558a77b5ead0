package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.gateway.auth.StubServices.Recorded;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** {@code /api/admin/**}: the operator bearer token, the trusted operator header, and where each admin path goes. */
class OperatorAuthIT extends GatewayITSupport {

    /** The test profile's key (application-test.yml), to make tokens the gateway must refuse for other reasons. */
    private static final byte[] TEST_KEY = Base64.getDecoder().decode("YWdncGF5LWxvY2FsLW9ubHktb3BlcmF0b3ItdG9rZW4=");
    private static final Duration SHIFT = Duration.ofHours(8);

    /** The keys merchant-service writes (docs/internals.md), under the default prefix the test profile keeps. */
    private static final String REVOCATIONS = "aggpay:operator-token:";

    @Autowired
    OperatorToken tokens;
    @Autowired
    JedisPooled redis;

    @Test
    void a_valid_operator_token_reaches_the_router_as_the_operator_header_without_the_token() {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(asOperator("GET", "/api/admin/channels/wxpay-a", requestId));

        assertThat(response.statusCode()).isEqualTo(200);
        Recorded call = callWithRequestId(STUBS.routerCalls, requestId);
        assertThat(call.pathAndQuery()).isEqualTo("/api/admin/channels/wxpay-a");
        assertThat(call.headers().get("X-aggpay-operator")).containsExactly("admin");
        assertThat(call.header("Authorization")).isNull();
    }

    @Test
    void a_forged_incoming_operator_header_is_replaced_by_the_tokens_operator() {
        String requestId = aRequestId();

        send(asOperator("PATCH", "/api/admin/channels/wxpay-a", requestId, utf8("{\"enabled\":false}"))
                .header("X-Aggpay-Operator", "root"));

        Recorded call = callWithRequestId(STUBS.routerCalls, requestId);
        assertThat(call.headers().get("X-aggpay-operator")).containsExactly("admin");
        assertThat(call.body()).isEqualTo(utf8("{\"enabled\":false}"));
    }

    @Test
    void forged_operator_and_client_address_headers_on_the_public_login_are_replaced() {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(request("POST", "/api/admin/login",
                utf8("{\"username\":\"admin\",\"password\":\"x\"}"))
                .header("X-Request-Id", requestId).header("X-Aggpay-Operator", "admin")
                .header("X-Aggpay-Client-Ip", "198.51.100.7"));

        assertThat(response.statusCode()).isEqualTo(200);
        Recorded call = callWithRequestId(STUBS.merchantServiceCalls, requestId);
        assertThat(call.pathAndQuery()).isEqualTo("/api/admin/login");
        assertThat(call.header("X-Aggpay-Operator")).isNull();
        assertThat(call.headers().get("X-aggpay-client-ip")).as("the login throttle counts per real peer")
                .containsExactly("127.0.0.1");
    }

    @Test
    void a_request_without_a_token_is_a_401_problem_with_a_bearer_challenge_and_goes_nowhere() {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(request("GET", "/api/admin/contracts/M10001", new byte[0])
                .header("X-Request-Id", requestId));

        assertProblem(response, 401, "OPERATOR_UNAUTHENTICATED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertNeverForwarded(requestId);
    }

    @Test
    void an_expired_token_is_refused() {
        OperatorToken yesterday = new OperatorToken(TEST_KEY, Clock.offset(Clock.systemUTC(), Duration.ofHours(-9)));

        assertRefused(yesterday.issue("admin", "OPERATOR", SHIFT).token(), 401, "OPERATOR_UNAUTHENTICATED");
    }

    @Test
    void a_token_whose_payload_was_rewritten_is_refused() {
        String token = tokens.issue("alice", "OPERATOR", SHIFT).token();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8).replace("alice", "admin");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(payload))
                + token.substring(token.indexOf('.'));

        assertRefused(forged, 401, "OPERATOR_UNAUTHENTICATED");
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        OperatorToken otherKey = new OperatorToken(utf8("some-other-key-of-thirty-two-b!!"), Clock.systemUTC());

        assertRefused(otherKey.issue("admin", "OPERATOR", SHIFT).token(), 401, "OPERATOR_UNAUTHENTICATED");
    }

    @Test
    void garbage_in_place_of_a_token_is_refused() {
        assertRefused("not-a-token", 401, "OPERATOR_UNAUTHENTICATED");
    }

    @Test
    void a_logged_out_token_is_refused_from_the_next_call_on() {
        OperatorToken.Issued token = tokens.issue(anOperator(), "OPERATOR", SHIFT);
        assertThat(send(withToken(token.token(), "/api/admin/routing/default", aRequestId())).statusCode())
                .isEqualTo(200);

        // What merchant-service writes at POST /api/admin/logout.
        redis.set(REVOCATIONS + "revoked:" + token.claims().jti(), "1", SetParams.setParams().ex(60));

        assertRefused(token.token(), 401, "OPERATOR_UNAUTHENTICATED");
    }

    @Test
    void a_disabled_operators_tokens_are_refused_and_a_token_issued_after_the_cut_off_is_not() {
        String operator = anOperator();
        OperatorToken.Issued held = tokens.issue(operator, "OPERATOR", SHIFT);
        OperatorToken.Issued heldUpperCase = tokens.issue(operator.toUpperCase(java.util.Locale.ROOT), "OPERATOR", SHIFT);
        OperatorToken.Issued later = tokens.issue(operator, "OPERATOR", SHIFT.plusMinutes(1));

        // What merchant-service writes when the operator is disabled: every token expiring by then is revoked (the
        // two held tokens may expire a second apart when a second boundary falls between their issue)
        long cutOff = Math.max(held.claims().expiresAt().getEpochSecond(),
                heldUpperCase.claims().expiresAt().getEpochSecond());
        redis.set(REVOCATIONS + "expired-by:" + operator, Long.toString(cutOff), SetParams.setParams().ex(60));

        assertRefused(held.token(), 401, "OPERATOR_UNAUTHENTICATED");
        assertRefused(heldUpperCase.token(), 401, "OPERATOR_UNAUTHENTICATED");
        String requestId = aRequestId();
        assertThat(send(withToken(later.token(), "/api/admin/routing/default", requestId)).statusCode())
                .isEqualTo(200);
        assertThat(callWithRequestId(STUBS.routerCalls, requestId).header("X-Aggpay-Operator")).isEqualTo(operator);
    }

    @Test
    void a_valid_token_without_the_operator_role_is_forbidden() {
        assertRefused(tokens.issue("admin", "MERCHANT", SHIFT).token(), 403, "OPERATOR_FORBIDDEN");
    }

    @Test
    void a_merchant_signed_request_is_no_operator_call() {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(hmacSigned("GET", "/api/admin/channels", new byte[0])
                .header("X-Request-Id", requestId));

        assertProblem(response, 401, "OPERATOR_UNAUTHENTICATED");
        assertNeverForwarded(requestId);
    }

    @Test
    void a_percent_encoded_admin_path_is_still_an_operator_call() {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(request("GET", "/api/%61dmin/channels/wxpay-a", new byte[0])
                .header("X-Request-Id", requestId));

        assertThat(response.statusCode()).isIn(401, 404);
        assertNeverForwarded(requestId);
    }

    @Test
    void each_admin_area_goes_to_the_service_that_owns_it() {
        assertRoutedTo(STUBS.merchantServiceCalls, "POST", "/api/admin/merchants/mer_1/approve",
                "/api/admin/merchants/mer_1/approve");
        assertRoutedTo(STUBS.routerCalls, "GET", "/api/admin/channels", "/api/admin/channels");
        assertRoutedTo(STUBS.routerCalls, "PUT", "/api/admin/contracts/M10001/wxpay-a",
                "/api/admin/contracts/M10001/wxpay-a");
        assertRoutedTo(STUBS.routerCalls, "GET", "/api/admin/routing/default", "/api/admin/routing/default");
        assertRoutedTo(STUBS.routerCalls, "GET", "/api/admin/trades?pay_order_id=po_1",
                "/api/admin/trades?pay_order_id=po_1");
        assertRoutedTo(STUBS.notifyCalls, "POST", "/api/admin/webhooks/events/evt_42/resend",
                "/api/admin/webhooks/events/evt_42/resend");
    }

    private void assertRoutedTo(Collection<Recorded> service, String method, String path, String expectedPath) {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(asOperator(method, path, requestId));

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Recorded call = callWithRequestId(service, requestId);
        assertThat(call.pathAndQuery()).isEqualTo(expectedPath);
        assertThat(call.method()).isEqualTo(method);
        assertThat(call.header("X-Aggpay-Operator")).isEqualTo("admin");
    }

    private void assertRefused(String token, int status, String code) {
        String requestId = aRequestId();

        HttpResponse<byte[]> response = send(request("GET", "/api/admin/routing/default", new byte[0])
                .header("Authorization", "Bearer " + token).header("X-Request-Id", requestId));

        assertProblem(response, status, code);
        assertNotSigned(response);
        assertNeverForwarded(requestId);
    }

    private java.net.http.HttpRequest.Builder withToken(String token, String path, String requestId) {
        return request("GET", path, new byte[0]).header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId);
    }

    /** An operator of its own per test: revocations live in Redis, shared with other runs. */
    private static String anOperator() {
        return "ops-" + freshNonce().substring(0, 12);
    }

    private java.net.http.HttpRequest.Builder asOperator(String method, String path, String requestId) {
        return asOperator(method, path, requestId, new byte[0]);
    }

    private java.net.http.HttpRequest.Builder asOperator(String method, String path, String requestId, byte[] body) {
        return request(method, path, body)
                .header("Authorization", "Bearer " + tokens.issue("admin", "OPERATOR", SHIFT).token())
                .header("X-Request-Id", requestId);
    }

    private static void assertNeverForwarded(String requestId) {
        for (Collection<Recorded> calls : java.util.List.of(STUBS.routerCalls, STUBS.merchantServiceCalls,
                STUBS.notifyCalls, STUBS.orderServiceCalls)) {
            assertThat(calls).noneMatch(call -> requestId.equals(call.header("X-Request-Id")));
        }
    }

    private static Recorded callWithRequestId(Collection<Recorded> calls, String requestId) {
        return calls.stream().filter(call -> requestId.equals(call.header("X-Request-Id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no call with request id " + requestId));
    }

    private static String aRequestId() {
        return "req_op_" + freshNonce();
    }
}
