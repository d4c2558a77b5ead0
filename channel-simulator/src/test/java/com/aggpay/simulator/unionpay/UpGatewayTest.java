package com.aggpay.simulator.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The UnionPay gateway over real HTTP, with requests signed here in plain JDK code (not the simulator's): request
 * checks, idempotency, signed answers, query by orderId + txnTime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sim.notify.retry-delays=200ms", "sim.hold-timeout=10s"})
class UpGatewayTest {

    private static final String MER = UpTestMerchant.MER;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final UpTestMerchant MERCHANT = UpTestMerchant.withNewKeys("sim-up-test-keys");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("sim.keys-dir", () -> MERCHANT.keysDir().toString());
    }

    @Test
    void a_qr_apply_is_answered_signed_and_the_identical_request_again_gets_the_same_code() throws Exception {
        Map<String, String> apply = apply(orderId(), "100");
        Map<String, String> first = post("/gateway/api/backTransReq.do", MERCHANT.signed(apply));
        assertThat(first).containsEntry("respCode", "00").containsEntry("orderId", apply.get("orderId"))
                .containsEntry("merId", MER).containsEntry("reserved", "{qrCodeType=01&orderType=10}");
        assertThat(first.get("qrCode")).startsWith("https://qr.95516.com/00010000/");
        assertThat(MERCHANT.verifiesWithUnionPayKey(first)).isTrue();
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(apply))).containsEntry("qrCode", first.get("qrCode"));

        Map<String, String> changed = new LinkedHashMap<>(apply);
        changed.put("txnAmt", "101");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(changed))).containsEntry("respCode", "12");
    }

    @Test
    void a_bad_signature_or_cert_id_is_answered_11_and_missing_fields_13_and_bad_formats_10() throws Exception {
        Map<String, String> apply = MERCHANT.signed(apply(orderId(), "100"));
        Map<String, String> tampered = new LinkedHashMap<>(apply);
        tampered.put("txnAmt", "1");
        assertThat(post("/gateway/api/backTransReq.do", tampered)).containsEntry("respCode", "11");

        Map<String, String> otherCert = apply(orderId(), "100");
        otherCert.put("certId", "1");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(otherCert))).containsEntry("respCode", "11");

        Map<String, String> noAmount = apply(orderId(), "100");
        noAmount.remove("txnAmt");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(noAmount))).containsEntry("respCode", "13");

        Map<String, String> unsigned = apply(orderId(), "100");
        assertThat(post("/gateway/api/backTransReq.do", unsigned)).containsEntry("respCode", "13");

        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(apply(orderId(), "1.00")))).containsEntry("respCode", "10");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(apply("short", "100")))).containsEntry("respCode", "10");
    }

    @Test
    void a_wallet_consumption_is_answered_with_a_signed_tn_that_the_identical_request_gets_again() throws Exception {
        Map<String, String> consume = consume(orderId(), "1234");
        Map<String, String> first = post("/gateway/api/backTransReq.do", MERCHANT.signed(consume));
        assertThat(first).containsEntry("respCode", "00").containsEntry("orderId", consume.get("orderId"))
                .containsEntry("txnType", "01").containsEntry("txnSubType", "01").containsEntry("merId", MER);
        assertThat(first.get("tn")).matches("[0-9]{21}");
        assertThat(MERCHANT.verifiesWithUnionPayKey(first)).isTrue();
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(consume))).containsEntry("tn", first.get("tn"));

        Map<String, String> otherPayer = new LinkedHashMap<>(consume);
        otherPayer.put("appUserId", "another-payer");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(otherPayer))).containsEntry("respCode", "12");
    }

    @Test
    void a_wallet_consumption_without_app_user_id_is_13_and_with_a_bad_signature_11() throws Exception {
        Map<String, String> noPayer = consume(orderId(), "100");
        noPayer.remove("appUserId");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(noPayer))).containsEntry("respCode", "13");

        Map<String, String> blankPayer = consume(orderId(), "100");
        blankPayer.put("appUserId", "");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(blankPayer))).containsEntry("respCode", "13");

        Map<String, String> spacedPayer = consume(orderId(), "100");
        spacedPayer.put("appUserId", "a payer");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(spacedPayer))).containsEntry("respCode", "10");

        Map<String, String> tampered = MERCHANT.signed(consume(orderId(), "100"));
        tampered.put("appUserId", "someone-else");
        assertThat(post("/gateway/api/backTransReq.do", tampered)).containsEntry("respCode", "11");

        Map<String, String> noBackUrl = consume(orderId(), "100");
        noBackUrl.remove("backUrl");
        assertThat(post("/gateway/api/backTransReq.do", MERCHANT.signed(noBackUrl))).containsEntry("respCode", "13");
    }

    @Test
    void a_tn_is_paid_through_the_pay_hook_and_then_queries_as_a_paid_wallet_consumption() throws Exception {
        Map<String, String> consume = consume(orderId(), "600");
        String tn = post("/gateway/api/backTransReq.do", MERCHANT.signed(consume)).get("tn");
        Map<String, String> query = common("00", "00");
        query.put("orderId", consume.get("orderId"));
        query.put("txnTime", consume.get("txnTime"));
        assertThat(post("/gateway/api/queryTrans.do", MERCHANT.signed(query))).containsEntry("origRespCode", "05")
                .containsEntry("txnSubType", "01");

        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_sim/pay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pay_data\":\"{\\\"tn\\\":\\\"" + tn + "\\\"}\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(200);

        Map<String, String> answer = post("/gateway/api/queryTrans.do", MERCHANT.signed(query));
        assertThat(answer).containsEntry("respCode", "00").containsEntry("origRespCode", "00")
                .containsEntry("txnType", "01").containsEntry("txnSubType", "01").containsEntry("txnAmt", "600");
        assertThat(answer.get("queryId")).matches("[0-9]{21}").isNotEqualTo(tn);
        assertThat(MERCHANT.verifiesWithUnionPayKey(answer)).isTrue();
    }

    @Test
    void a_query_finds_the_order_only_by_its_order_id_and_txn_time() throws Exception {
        Map<String, String> apply = apply(orderId(), "250");
        post("/gateway/api/backTransReq.do", MERCHANT.signed(apply));
        Map<String, String> query = common("00", "00");
        query.put("orderId", apply.get("orderId"));
        query.put("txnTime", apply.get("txnTime"));
        Map<String, String> answer = post("/gateway/api/queryTrans.do", MERCHANT.signed(query));
        assertThat(answer).containsEntry("respCode", "00").containsEntry("origRespCode", "05")
                .containsEntry("txnType", "01").containsEntry("txnAmt", "250");
        assertThat(MERCHANT.verifiesWithUnionPayKey(answer)).isTrue();

        query.put("txnTime", "20200101000001");
        assertThat(post("/gateway/api/queryTrans.do", MERCHANT.signed(query))).containsEntry("respCode", "34");
    }

    @Test
    void an_unknown_merchant_is_answered_unsigned() throws Exception {
        Map<String, String> apply = apply(orderId(), "100");
        apply.put("merId", "777290058119999");
        Map<String, String> answer = post("/gateway/api/backTransReq.do", MERCHANT.signed(apply));
        assertThat(answer).containsEntry("respCode", "31").doesNotContainKey("signature");
    }

    @Test
    void a_bill_of_a_day_without_trades_is_98() throws Exception {
        Map<String, String> bill = common("76", "01");
        bill.put("txnTime", "20261126000000");
        bill.put("settleDate", "0229");
        bill.put("fileType", "00");
        assertThat(post("/gateway/api/fileTransReq.do", MERCHANT.signed(bill))).containsEntry("respCode", "98");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String orderId() {
        return "T" + System.currentTimeMillis() + SEQ.incrementAndGet();
    }

    private static Map<String, String> apply(String orderId, String amount) {
        Map<String, String> f = common("01", "07");
        f.put("channelType", "08");
        f.put("orderId", orderId);
        f.put("txnTime", "20261126101500");
        f.put("txnAmt", amount);
        f.put("currencyCode", "156");
        f.put("backUrl", "http://127.0.0.1:1/notify");
        return f;
    }

    private static Map<String, String> consume(String orderId, String amount) {
        Map<String, String> f = common("01", "01");
        f.put("channelType", "08");
        f.put("orderId", orderId);
        f.put("txnTime", "20261126101500");
        f.put("txnAmt", amount);
        f.put("currencyCode", "156");
        f.put("backUrl", "http://127.0.0.1:1/notify");
        f.put("appUserId", "k8f0N2x+payer/Id=");
        return f;
    }

    private static Map<String, String> common(String txnType, String txnSubType) throws RuntimeException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("encoding", "UTF-8");
        f.put("signMethod", "01");
        f.put("certId", MERCHANT.read("merchant_cert_id.txt"));
        f.put("txnType", txnType);
        f.put("txnSubType", txnSubType);
        f.put("bizType", "000000");
        f.put("accessType", "0");
        f.put("merId", MER);
        return f;
    }

    private Map<String, String> post(String path, Map<String, String> fields) throws Exception {
        return MERCHANT.post("http://127.0.0.1:" + port + path, fields);
    }
}
