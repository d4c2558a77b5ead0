package com.aggpay.simulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.simulator.unionpay.UpTestMerchant;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * UnionPay's user authorisation stand-in over real HTTP, as a cashier would drive it: the wallet's redirect, then
 * the 全渠道 user-id exchange signed here in plain JDK code (not the simulator's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpUserAuthTest {

    private static final String MER = UpTestMerchant.MER;
    private static final String CLOUDPAY_UA = "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36 UnionPay/1.0 CloudPay";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final UpTestMerchant MERCHANT = UpTestMerchant.withNewKeys("sim-up-oauth-test-keys");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("sim.keys-dir", () -> MERCHANT.keysDir().toString());
    }

    @Test
    void the_redirect_keeps_the_callers_state_and_carries_a_url_encoded_user_auth_code() throws Exception {
        HttpResponse<String> redirect = authorize("https://pay.example/cashier/up?state=st-1&store=demo-store", "alice",
                CLOUDPAY_UA);

        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://pay.example/cashier/up?state=st-1&store=demo-store&userAuthCode=");
        Map<String, String> query = query(URI.create(location));
        assertThat(query).containsEntry("state", "st-1").containsEntry("respCode", "00");
        // Base64 of 16 bytes, like the real codes: '+', '/' and '=' must survive the round trip.
        assertThat(Base64.getDecoder().decode(query.get("userAuthCode"))).hasSize(16);
        assertThat(location).doesNotContain("==&");
    }

    @Test
    void the_code_gives_the_chosen_payers_app_user_id_once_in_a_signed_answer() throws Exception {
        String code = codeFor("alice", CLOUDPAY_UA);

        Map<String, String> answer = exchange(MERCHANT.signed(userIdRequest(code, "UnionPay/1.0 CloudPay")));
        assertThat(answer).containsEntry("respCode", "00").containsEntry("merId", MER)
                .containsEntry("txnType", "00").containsEntry("txnSubType", "10")
                .containsEntry("appUserId", OAuthCodes.upAppUserId("CloudPay", "alice"));
        assertThat(answer.get("appUserId")).hasSize(64);
        assertThat(MERCHANT.verifiesWithUnionPayKey(answer)).isTrue();

        Map<String, String> again = exchange(MERCHANT.signed(userIdRequest(code, "UnionPay/1.0 CloudPay")));
        assertThat(again).containsEntry("respCode", "01").doesNotContainKey("appUserId");
        assertThat(MERCHANT.verifiesWithUnionPayKey(again)).isTrue();
    }

    @Test
    void each_payer_keeps_one_app_user_id_and_payers_differ() throws Exception {
        String bob1 = exchange(MERCHANT.signed(userIdRequest(codeFor("bob", CLOUDPAY_UA), "UnionPay/1.0 CloudPay")))
                .get("appUserId");
        String bob2 = exchange(MERCHANT.signed(userIdRequest(codeFor("bob", CLOUDPAY_UA), "UnionPay/1.0 CloudPay")))
                .get("appUserId");
        String carol = exchange(MERCHANT.signed(userIdRequest(codeFor("carol", CLOUDPAY_UA), "UnionPay/1.0 CloudPay")))
                .get("appUserId");
        assertThat(bob1).isNotNull().isEqualTo(bob2).isNotEqualTo(carol);
    }

    @Test
    void an_unknown_code_or_another_wallets_code_is_refused() throws Exception {
        assertThat(exchange(MERCHANT.signed(userIdRequest("uskMsSXHS1KBLHZ90+iDzA==", "UnionPay/1.0 CloudPay"))))
                .containsEntry("respCode", "01");

        String bankAppCode = codeFor("dave", "Mozilla/5.0 UnionPay/1.0 ICBCeLife");
        assertThat(exchange(MERCHANT.signed(userIdRequest(bankAppCode, "UnionPay/1.0 CloudPay")))).containsEntry("respCode", "01");
    }

    @Test
    void a_tampered_signature_is_answered_11_and_does_not_use_up_the_code() throws Exception {
        String code = codeFor("erin", CLOUDPAY_UA);
        Map<String, String> request = MERCHANT.signed(userIdRequest(code, "UnionPay/1.0 CloudPay"));

        Map<String, String> tampered = new LinkedHashMap<>(request);
        tampered.put("orderId", request.get("orderId") + "X");
        assertThat(exchange(tampered)).containsEntry("respCode", "11").doesNotContainKey("appUserId");

        Map<String, String> otherCert = userIdRequest(code, "UnionPay/1.0 CloudPay");
        otherCert.put("certId", "1");
        assertThat(exchange(MERCHANT.signed(otherCert))).containsEntry("respCode", "11");

        assertThat(exchange(request)).containsEntry("respCode", "00")
                .containsEntry("appUserId", OAuthCodes.upAppUserId("CloudPay", "erin"));
    }

    @Test
    void missing_fields_are_13_bad_formats_10_other_transactions_32_and_an_unknown_merchant_31_unsigned() throws Exception {
        Map<String, String> noCode = userIdRequest("x", "UnionPay/1.0 CloudPay");
        noCode.remove("userAuthCode");
        assertThat(exchange(MERCHANT.signed(noCode))).containsEntry("respCode", "13");

        assertThat(exchange(MERCHANT.signed(userIdRequest("x", "CloudPay")))).containsEntry("respCode", "10");

        Map<String, String> query = userIdRequest("x", "UnionPay/1.0 CloudPay");
        query.put("txnSubType", "00");
        assertThat(exchange(MERCHANT.signed(query))).containsEntry("respCode", "32");

        Map<String, String> stranger = userIdRequest("x", "UnionPay/1.0 CloudPay");
        stranger.put("merId", "777290058119999");
        assertThat(exchange(MERCHANT.signed(stranger))).containsEntry("respCode", "31").doesNotContainKey("signature");
    }

    @Test
    void a_redirect_url_that_is_not_absolute_http_or_a_missing_version_is_refused() throws Exception {
        assertThat(authorize("javascript:alert(1)", "p", CLOUDPAY_UA).statusCode()).isEqualTo(400);
        HttpResponse<String> noVersion = http.send(HttpRequest.newBuilder(URI.create(base()
                + "/_sim/oauth/unionpay/userAuth?redirectUrl=" + enc("https://pay.example/x"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("\"respCode\":\"10\"");
    }

    // ---------------------------------------------------------------------------------------------------------

    private HttpResponse<String> authorize(String redirectUrl, String payer, String userAgent) throws Exception {
        URI uri = URI.create(base() + "/_sim/oauth/unionpay/userAuth?version=1.0.0&redirectUrl=" + enc(redirectUrl)
                + "&sim_payer=" + enc(payer));
        return http.send(HttpRequest.newBuilder(uri).header("User-Agent", userAgent).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String codeFor(String payer, String userAgent) throws Exception {
        HttpResponse<String> redirect = authorize("https://pay.example/cashier/up", payer, userAgent);
        return query(URI.create(redirect.headers().firstValue("Location").orElseThrow())).get("userAuthCode");
    }

    private static Map<String, String> userIdRequest(String userAuthCode, String appUpIdentifier) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("encoding", "UTF-8");
        f.put("signMethod", "01");
        f.put("certId", MERCHANT.read("merchant_cert_id.txt"));
        f.put("txnType", "00");
        f.put("txnSubType", "10");
        f.put("bizType", "000000");
        f.put("channelType", "08");
        f.put("accessType", "0");
        f.put("merId", MER);
        f.put("orderId", "U" + System.currentTimeMillis() + SEQ.incrementAndGet());
        f.put("txnTime", "20261126101500");
        f.put("userAuthCode", userAuthCode);
        f.put("appUpIdentifier", appUpIdentifier);
        return f;
    }

    /** A query decoded once, as a servlet container would. */
    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8), (a, b) -> b, LinkedHashMap::new));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Map<String, String> exchange(Map<String, String> fields) throws Exception {
        return MERCHANT.post(base() + "/_sim/oauth/unionpay/backTransReq.do", fields);
    }
}
