package com.aggpay.gateway.auth;

import static com.aggpay.gateway.auth.StubServices.HMAC_APP;
import static com.aggpay.gateway.auth.StubServices.HMAC_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.gateway.auth.StubServices.Recorded;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignedForwardingIT extends GatewayITSupport {

    @Test
    void a_valid_hmac_request_reaches_order_service_with_its_exact_body_and_trusted_headers() {
        String orderNo = freshNonce();
        byte[] body = utf8("{ \"mch_order_no\" : \"" + orderNo + "\",\n  \"subject\":\"拿铁 ☕\", \"amount\":1234 }\r\n");
        var request = hmacSigned("POST", "/api/v1/pay/orders", body)
                .header("Content-Type", "application/json")
                .header("X-Aggpay-App-Id", "forged-app")
                .header("X-Aggpay-Mch-No", "M66666")
                .header("X-Request-Id", "req_from_the_client_1");

        HttpResponse<byte[]> response = send(request);

        assertThat(response.statusCode()).isEqualTo(201);
        Recorded call = callWithBodyContaining(STUBS.orderServiceCalls, orderNo);
        assertThat(call.body()).isEqualTo(body);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.pathAndQuery()).isEqualTo("/api/v1/pay/orders");
        assertThat(call.headers().get("X-aggpay-app-id")).containsExactly(HMAC_APP);
        assertThat(call.headers().get("X-aggpay-mch-no")).containsExactly(StubServices.MCH_NO);
        assertThat(call.header("X-Request-Id")).isEqualTo("req_from_the_client_1");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("req_from_the_client_1");
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("po_stub");
        assertSignedBy(HMAC_SECRET, response);
    }

    @Test
    void a_signed_get_with_a_query_is_checked_over_the_raw_path_and_query() {
        String orderNo = freshNonce();
        String pathAndQuery = "/api/v1/pay/orders?mch_order_no=" + orderNo + "&note=a%20b";

        HttpResponse<byte[]> response = send(hmacSigned("GET", pathAndQuery, new byte[0]));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(STUBS.orderServiceCalls).anyMatch(call -> call.pathAndQuery().equals(pathAndQuery));
        assertSignedBy(HMAC_SECRET, response);
    }

    @Test
    void a_malformed_incoming_request_id_is_replaced_by_a_generated_one() {
        HttpResponse<byte[]> response = send(hmacSigned("GET", "/api/v1/refunds/rf_" + freshNonce(), new byte[0])
                .header("X-Request-Id", "bad id\twith spaces"));

        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("req_[0-9a-f]{24}"));
    }

    @Test
    void a_request_signed_with_the_apps_uploaded_rsa_key_passes() {
        String orderNo = freshNonce();
        byte[] body = utf8("{\"mch_order_no\":\"" + orderNo + "\"}");

        HttpResponse<byte[]> response = send(rsaSigned(StubServices.RSA_APP,
                STUBS.merchantRsaKeys.getPrivate(), "POST", "/api/v1/pay/orders", body));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(callWithBodyContaining(STUBS.orderServiceCalls, orderNo).header("X-Aggpay-App-Id"))
                .isEqualTo(StubServices.RSA_APP);
        assertSignedByPlatform(PLATFORM_KEYS.getPublic(), response);
    }

    @Test
    void a_channel_callback_passes_without_merchant_auth_with_its_body_byte_exact() {
        byte[] body = ("<xml><return_code><![CDATA[SUCCESS]]></return_code><nonce>" + freshNonce()
                + "</nonce>\r\n<sign>\u00e9\u00ff</sign></xml>").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var request = request("POST", "/api/v1/channel-notify/wxpay-v2", body)
                .header("Content-Type", "text/xml")
                .header("X-Aggpay-App-Id", "forged-app");

        HttpResponse<byte[]> response = send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("success");
        Recorded call = STUBS.routerCalls.stream().filter(c -> java.util.Arrays.equals(c.body(), body))
                .findFirst().orElseThrow();
        assertThat(call.pathAndQuery()).isEqualTo("/api/v1/channel-notify/wxpay-v2");
        assertThat(call.header("X-Aggpay-App-Id")).as("forged identity stripped").isNull();
        assertThat(call.header("X-Request-Id")).isNotBlank();
        assertNotSigned(response);
    }

    @Test
    void the_same_nonce_sent_by_ten_parallel_requests_passes_exactly_once() throws Exception {
        String timestamp = now();
        String nonce = freshNonce();
        byte[] body = utf8("{\"mch_order_no\":\"" + nonce + "\"}");
        var request = hmacSigned(HMAC_APP, HMAC_SECRET, "POST", "/api/v1/pay/orders", body, timestamp, nonce).build();
        CountDownLatch start = new CountDownLatch(1);

        List<Integer> statuses;
        var pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool))
                    .toList();
            start.countDown();
            statuses = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(9);
        assertThat(STUBS.orderServiceCalls).filteredOn(call -> new String(call.body()).contains(nonce)).hasSize(1);
    }

    private static Recorded callWithBodyContaining(Iterable<Recorded> calls, String marker) {
        for (Recorded call : calls) {
            if (new String(call.body(), java.nio.charset.StandardCharsets.UTF_8).contains(marker)) {
                return call;
            }
        }
        throw new AssertionError("no downstream call carried " + marker);
    }
}
