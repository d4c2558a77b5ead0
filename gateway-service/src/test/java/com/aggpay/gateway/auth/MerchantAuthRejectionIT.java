package com.aggpay.gateway.auth;

import static com.aggpay.gateway.auth.StubServices.HMAC_APP;
import static com.aggpay.gateway.auth.StubServices.HMAC_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class MerchantAuthRejectionIT extends GatewayITSupport {

    private static final String ORDERS = "/api/v1/pay/orders";
    private static final byte[] BODY = utf8("{\"mch_order_no\":\"A1\",\"amount\":1234}");

    @Test
    void a_request_without_authorization_is_401_signature_invalid(CapturedOutput output) {
        HttpResponse<byte[]> response = send(request("POST", ORDERS, BODY));

        assertProblem(response, 401, "SIGNATURE_INVALID");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertNotSigned(response);
        assertThat(output).contains("event=MERCHANT_AUTH_REJECTED").contains("reason=SIGNATURE_INVALID");
    }

    @Test
    void a_request_signed_with_the_wrong_key_is_401_signature_invalid_logged_without_secrets(CapturedOutput output) {
        var request = hmacSigned(HMAC_APP, "not-the-app-secret", "POST", ORDERS, BODY, now(), freshNonce());
        String sentSignature = request.build().headers().firstValue("Authorization").orElseThrow().replaceAll(".*signature=\"([^\"]+)\"", "$1");

        HttpResponse<byte[]> response = send(request);

        assertProblem(response, 401, "SIGNATURE_INVALID");
        assertSignedBy(HMAC_SECRET, response);
        assertThat(output).contains("event=MERCHANT_AUTH_REJECTED app_id=gw-hmac-app reason=SIGNATURE_INVALID remote=127.0.0.1")
                .doesNotContain(sentSignature).doesNotContain(HMAC_SECRET);
    }

    @Test
    void a_body_changed_after_signing_is_401_signature_invalid() {
        String timestamp = now();
        String nonce = freshNonce();
        var signedForOtherBytes = hmacSigned(HMAC_APP, HMAC_SECRET, "POST", ORDERS, BODY, timestamp, nonce);
        byte[] tampered = utf8("{\"mch_order_no\":\"A1\",\"amount\":1}");
        var request = request("POST", ORDERS, tampered)
                .header("Authorization", signedForOtherBytes.build().headers().firstValue("Authorization").orElseThrow());

        assertProblem(send(request), 401, "SIGNATURE_INVALID");
    }

    @Test
    void a_replayed_nonce_is_401_nonce_replayed_after_the_first_use_passed() {
        String timestamp = now();
        String nonce = freshNonce();

        HttpResponse<byte[]> first = send(hmacSigned(HMAC_APP, HMAC_SECRET, "POST", ORDERS, BODY, timestamp, nonce));
        HttpResponse<byte[]> replay = send(hmacSigned(HMAC_APP, HMAC_SECRET, "POST", ORDERS, BODY, timestamp, nonce));

        assertThat(first.statusCode()).isEqualTo(201);
        assertProblem(replay, 401, "NONCE_REPLAYED");
        assertSignedBy(HMAC_SECRET, replay);
    }

    @Test
    void a_timestamp_301_seconds_old_is_401_timestamp_expired() {
        String stale = Long.toString(Instant.now().getEpochSecond() - 301);

        var response = send(hmacSigned(HMAC_APP, HMAC_SECRET, "POST", ORDERS, BODY, stale, freshNonce()));

        assertProblem(response, 401, "TIMESTAMP_EXPIRED");
        assertSignedBy(HMAC_SECRET, response);
    }

    @Test
    void a_timestamp_from_the_future_beyond_the_window_is_401_timestamp_expired() {
        String future = Long.toString(Instant.now().getEpochSecond() + 400);

        assertProblem(send(hmacSigned(HMAC_APP, HMAC_SECRET, "POST", ORDERS, BODY, future, freshNonce())),
                401, "TIMESTAMP_EXPIRED");
    }

    @Test
    void an_unknown_app_is_401_app_unknown_and_unsigned() {
        var response = send(hmacSigned("gw-no-such-app", "whatever", "POST", ORDERS, BODY, now(), freshNonce()));

        assertProblem(response, 401, "APP_UNKNOWN");
        assertNotSigned(response);
    }

    @Test
    void an_unapproved_merchant_is_403_merchant_not_active() {
        var response = send(hmacSigned(StubServices.PENDING_APP, "gw-pending-secret-0123456789abcd", "POST", ORDERS,
                BODY, now(), freshNonce()));

        assertProblem(response, 403, "MERCHANT_NOT_ACTIVE");
        assertSignedBy("gw-pending-secret-0123456789abcd", response);
    }

    @Test
    void a_disabled_app_is_403_merchant_not_active() {
        assertProblem(send(hmacSigned(StubServices.DISABLED_APP, "gw-disabled-secret-0123456789ab", "POST", ORDERS,
                BODY, now(), freshNonce())), 403, "MERCHANT_NOT_ACTIVE");
    }

    @Test
    void an_rsa_signature_made_with_another_key_is_401_signature_invalid() {
        var otherKey = StubServices.rsaKeys().getPrivate();

        assertProblem(send(rsaSigned(StubServices.RSA_APP, otherKey, "POST", ORDERS, BODY)), 401, "SIGNATURE_INVALID");
    }

    @Test
    void merchant_service_failing_is_503_upstream_unavailable() {
        assertProblem(send(hmacSigned(StubServices.BROKEN_APP, "x", "POST", ORDERS, BODY, now(), freshNonce())),
                503, "UPSTREAM_UNAVAILABLE");
    }

    @Test
    void no_call_reaches_order_service_when_authentication_fails() {
        String marker = "{\"mch_order_no\":\"" + freshNonce() + "\"}";

        send(hmacSigned(HMAC_APP, "wrong", "POST", ORDERS, utf8(marker), now(), freshNonce()));

        assertThat(STUBS.orderServiceCalls).noneMatch(call -> new String(call.body()).equals(marker));
    }

    @Test
    void a_percent_encoded_or_parameterised_merchant_path_still_needs_a_signature() {
        for (String disguised : new String[] {"/api/v%31/pay/orders", "/api;x=1/v1/pay/orders", "/%61pi/v1/refunds/rf_1"}) {
            String requestId = "req_disguised_" + freshNonce();

            HttpResponse<byte[]> response = send(request("GET", disguised, new byte[0]).header("X-Request-Id", requestId));

            assertThat(response.statusCode()).as(disguised).isIn(401, 404);
            assertThat(STUBS.orderServiceCalls).as(disguised)
                    .noneMatch(call -> requestId.equals(call.header("X-Request-Id")));
        }
    }
}
