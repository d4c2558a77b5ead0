package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class BodySizeLimitIT extends GatewayITSupport {

    private static final String CALLBACK = "/api/v1/channel-notify/wxpay-v2";
    private static final int KB = 1024;
    private static final int MB = 1024 * KB;
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void a_5_mb_callback_is_413_body_too_large_and_never_reaches_the_router() {
        String requestId = requestId();

        HttpResponse<byte[]> response = send(request("POST", CALLBACK, filled(5 * MB)).header("X-Request-Id", requestId));

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertNotSigned(response);
        assertNeverReached(STUBS.routerCalls, requestId);
    }

    @Test
    void a_5_mb_chunked_callback_is_cut_at_the_limit_413_and_never_reaches_the_router_whole() {
        String requestId = requestId();

        HttpResponse<byte[]> response = sendChunked(CALLBACK, filled(5 * MB), requestId);

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertNeverReached(STUBS.routerCalls, requestId);
    }

    @Test
    void a_small_chunked_callback_still_reaches_the_router_byte_exact() {
        String requestId = requestId();
        byte[] body = filled(3 * KB);

        HttpResponse<byte[]> response = sendChunked(CALLBACK, body, requestId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(STUBS.routerCalls).filteredOn(call -> requestId.equals(call.header("X-Request-Id")))
                .singleElement().satisfies(call -> assertThat(call.body()).isEqualTo(body));
    }

    @Test
    void a_callback_of_exactly_64_kb_passes_and_one_byte_more_is_413() {
        assertThat(send(request("POST", CALLBACK, filled(64 * KB))).statusCode()).isEqualTo(200);

        assertProblem(send(request("POST", CALLBACK, filled(64 * KB + 1))), 413, "BODY_TOO_LARGE");
    }

    @Test
    void a_disguised_callback_path_gets_no_larger_limit() {
        String requestId = requestId();

        HttpResponse<byte[]> response = send(request("POST", "/api/v1/channel%2Dnotify/wxpay-v2", filled(100 * KB))
                .header("X-Request-Id", requestId));

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertNeverReached(STUBS.routerCalls, requestId);
    }

    @Test
    void a_merchant_call_over_1_mb_is_413_before_its_signature_is_checked() {
        String requestId = requestId();

        HttpResponse<byte[]> response = send(hmacSigned("POST", "/api/v1/pay/orders", filled(MB + 1))
                .header("X-Request-Id", requestId));

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertNeverReached(STUBS.orderServiceCalls, requestId);
    }

    @Test
    void a_chunked_signed_merchant_call_over_1_mb_is_a_signed_413() {
        byte[] body = filled(2 * MB);
        HttpRequest signed = hmacSigned("POST", "/api/v1/pay/orders", body).build();
        HttpRequest chunked = HttpRequest.newBuilder(signed.uri())
                .header("Authorization", signed.headers().firstValue("Authorization").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<byte[]> response = send(chunked);

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertSignedBy(StubServices.HMAC_SECRET, response);
    }

    @Test
    void the_portal_takes_a_5_mb_upload_and_refuses_7_mb() {
        assertThat(send(request("POST", "/api/portal/licence", filled(5 * MB))).statusCode()).isEqualTo(200);

        assertProblem(send(request("POST", "/api/portal/licence", filled(7 * MB))), 413, "BODY_TOO_LARGE");
    }

    @Test
    void any_other_path_refuses_more_than_64_kb_even_without_a_route() {
        assertProblem(send(request("POST", "/nowhere", filled(64 * KB + 1))), 413, "BODY_TOO_LARGE");
        assertProblem(send(request("POST", "/api/admin/login", filled(64 * KB + 1))), 413, "BODY_TOO_LARGE");
    }

    private HttpResponse<byte[]> sendChunked(String path, byte[] body, String requestId) {
        // A body publisher of unknown length: HTTP/1.1 sends it chunked, without Content-Length.
        HttpRequest request = request("POST", path, new byte[0]).header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return send(request);
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP_1_1.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits a moment too: a stub still reading a cut body must not record it afterwards. */
    private static void assertNeverReached(Collection<StubServices.Recorded> calls, String requestId) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() ->
                calls.stream().noneMatch(call -> requestId.equals(call.header("X-Request-Id"))));
    }

    private static String requestId() {
        return "req_limit_" + freshNonce();
    }

    private static byte[] filled(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }
}
