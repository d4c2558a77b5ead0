package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path as a merchant lives it, on the real services, MariaDB, Redis and Kafka, with the channel
 * simulator upstream: signed create, idempotent repeat, conflict, payment in the wallet, SUCCESS, one signed webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentSpineIT {

    private static final String APP_SECRET = SharedPlatform.APP_SECRET;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookInbox inbox;
    private Platform platform;
    private MerchantClient merchant;

    @BeforeAll
    void startPlatform() throws Exception {
        inbox = SharedPlatform.inbox();
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
    }

    @Test
    void a_wechat_native_order_is_created_paid_and_announced_once() throws Exception {
        payEndToEnd("WX_NATIVE", "weixin://", "wxpay-");
    }

    @Test
    void an_alipay_qr_order_is_created_paid_and_announced_once() throws Exception {
        payEndToEnd("ALI_QR", "https://qr.alipay.com/", "alipay-");
    }

    private void payEndToEnd(String payWay, String payDataPrefix, String expectedChannel) throws Exception {
        String mchOrderNo = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String body = order(mchOrderNo, 1234, payWay);

        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(merchant.responseSignatureValid(created)).isTrue();
        JsonNode order = json.readTree(created.body());
        String payOrderId = order.get("pay_order_id").asString();
        assertThat(order.get("state").asString()).isEqualTo("PAYING");
        assertThat(order.get("channel").asString()).startsWith(expectedChannel);
        assertThat(order.get("pay_data_type").asString()).isEqualTo("CODE_URL");
        assertThat(order.get("pay_data").asString()).startsWith(payDataPrefix);

        HttpResponse<String> repeated = merchant.post("/api/v1/pay/orders", body);
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(merchant.responseSignatureValid(repeated)).isTrue();
        assertThat(json.readTree(repeated.body()).get("pay_order_id").asString()).isEqualTo(payOrderId);
        assertThat(json.readTree(repeated.body()).get("pay_data").asString())
                .isEqualTo(order.get("pay_data").asString());

        HttpResponse<String> conflict = merchant.post("/api/v1/pay/orders", order(mchOrderNo, 1235, payWay));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json.readTree(conflict.body()).get("code").asString()).isEqualTo("MCH_ORDER_NO_CONFLICT");

        HttpResponse<String> paid = simulator("/_sim/pay",
                "{\"pay_data\":" + json.writeValueAsString(order.get("pay_data").asString()) + "}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        String channelTradeNo = json.readTree(paid.body()).get("channel_trade_no").asString();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode now = json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body());
            assertThat(now.get("state").asString()).isEqualTo("SUCCESS");
            assertThat(now.get("channel_trade_no").asString()).isEqualTo(channelTradeNo);
            assertThat(now.get("paid_at").isNull()).isFalse();
        });
        HttpResponse<String> byMchOrderNo = merchant.get("/api/v1/pay/orders?mch_order_no=" + mchOrderNo);
        assertThat(json.readTree(byMchOrderNo.body()).get("pay_order_id").asString()).isEqualTo(payOrderId);

        await().atMost(Duration.ofSeconds(30)).until(() -> !inbox.forOrder(payOrderId).isEmpty());
        Thread.sleep(3000); // long enough for a duplicate to show up, were one sent
        assertThat(inbox.forOrder(payOrderId)).singleElement().satisfies(d -> {
            assertThat(d.signatureValid()).isTrue();
            JsonNode event = json.readTree(d.body());
            assertThat(event.get("id").asString()).isEqualTo(d.eventId()).startsWith("evt_");
            assertThat(event.get("type").asString()).isEqualTo("payment.succeeded");
            assertThat(event.get("data").get("pay_order_id").asString()).isEqualTo(payOrderId);
            assertThat(event.get("data").get("state").asString()).isEqualTo("SUCCESS");
        });
    }

    @Test
    void requests_with_a_wrong_key_a_replayed_nonce_or_a_stale_clock_are_refused() throws Exception {
        String path = "/api/v1/pay/orders?mch_order_no=nope";
        MerchantClient wrongKey = new MerchantClient(platform.gatewayUrl(), "demo-app", "not-the-secret");
        assertProblem(wrongKey.get(path), 401, "SIGNATURE_INVALID");

        MerchantClient.Signed once = merchant.sign("GET", path, "", MerchantClient.now(), MerchantClient.nonce());
        assertThat(merchant.send("GET", path, "", once).statusCode()).isEqualTo(404);
        assertProblem(merchant.send("GET", path, "", once), 401, "NONCE_REPLAYED");

        MerchantClient.Signed stale = merchant.sign("GET", path, "", MerchantClient.now() - 301, MerchantClient.nonce());
        assertProblem(merchant.send("GET", path, "", stale), 401, "TIMESTAMP_EXPIRED");

        MerchantClient unknownApp = new MerchantClient(platform.gatewayUrl(), "no-such-app", APP_SECRET);
        assertProblem(unknownApp.get(path), 401, "APP_UNKNOWN");
    }

    @Test
    void an_unknown_order_is_404_and_bad_input_is_400_with_the_field() throws Exception {
        assertProblem(merchant.get("/api/v1/pay/orders/po_000000000000000000000000"), 404, "ORDER_NOT_FOUND");
        HttpResponse<String> bad = merchant.post("/api/v1/pay/orders", order("BAD1", 0, "WX_NATIVE"));
        assertProblem(bad, 400, "PARAM_INVALID");
        assertThat(json.readTree(bad.body()).get("param").asString()).isEqualTo("amount");
    }

    @Test
    void a_forged_channel_callback_is_refused_and_changes_nothing() throws Exception {
        String mchOrderNo = "E2EF" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", order(mchOrderNo, 500, "WX_NATIVE"));
        String payOrderId = json.readTree(created.body()).get("pay_order_id").asString();

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/channel-notify/wxpay-a"))
                .header("Content-Type", "application/json")
                .header("Wechatpay-Timestamp", String.valueOf(MerchantClient.now()))
                .header("Wechatpay-Nonce", "forged")
                .header("Wechatpay-Serial", "PUB_KEY_ID_forged")
                .header("Wechatpay-Signature", "Zm9yZ2Vk")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"x\",\"event_type\":\"TRANSACTION.SUCCESS\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isNotIn(200, 204);
        assertThat(json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body()).get("state").asString())
                .isEqualTo("PAYING");
    }

    @Test
    void a_payment_notified_twice_by_the_channel_still_yields_exactly_one_webhook() throws Exception {
        // on every WeChat account: success-rate routing may pick any of them
        for (String account : new String[] {"1900000001", "1900000002", "1900000003"}) {
            HttpResponse<String> fault = simulator("/_sim/faults",
                    "{\"account\":\"" + account + "\",\"mode\":\"DUPLICATE_NOTIFY\",\"rate\":1.0}");
            assertThat(fault.statusCode()).as(fault.body()).isBetween(200, 299);
        }
        try {
            payEndToEnd("WX_NATIVE", "weixin://", "wxpay-");
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/_sim/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void an_unsigned_alipay_notification_is_refused_and_changes_nothing() throws Exception {
        String mchOrderNo = "E2EA" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonNode order = json.readTree(merchant.post("/api/v1/pay/orders", order(mchOrderNo, 800, "ALI_QR")).body());
        String payOrderId = order.get("pay_order_id").asString();
        String outTradeNo = payOrderId.substring(3) + "01";

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/channel-notify/alipay-a"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("notify_type=trade_status_sync&app_id=2021000000000001"
                        + "&out_trade_no=" + outTradeNo + "&trade_no=2026112622001400000000000001"
                        + "&total_amount=8.00&trade_status=TRADE_SUCCESS&charset=utf-8&version=1.0"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.body()).isNotEqualTo("success");
        Thread.sleep(500);
        JsonNode now = json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body());
        assertThat(now.get("state").asString()).isEqualTo("PAYING");
        assertThat(now.get("channel_trade_no").isNull()).isTrue();
    }

    @Test
    void the_2018_xxe_payload_against_the_v2_callback_leaks_nothing_and_changes_nothing() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("aggpay-xxe", ".txt");
        java.nio.file.Files.writeString(secret, "XXE-MARKER-" + UUID.randomUUID());
        String mchOrderNo = "E2EX" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonNode order = json.readTree(merchant.post("/api/v1/pay/orders", order(mchOrderNo, 100, "WX_NATIVE")).body());
        String payOrderId = order.get("pay_order_id").asString();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file://" + secret + "\">]>"
                + "<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code>"
                + "<appid>wx0000000000000003</appid><mch_id>1900000003</mch_id><nonce_str>&xxe;</nonce_str>"
                + "<out_trade_no>" + payOrderId.substring(3) + "01</out_trade_no><transaction_id>&xxe;</transaction_id>"
                + "<total_fee>100</total_fee><fee_type>CNY</fee_type><sign>&xxe;</sign></xml>";

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/channel-notify/wxpay-v2"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xxe)).build(),
                HttpResponse.BodyHandlers.ofString());

        String marker = java.nio.file.Files.readString(secret);
        assertThat(answer.body()).doesNotContain(marker).contains("FAIL");
        JsonNode now = json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body());
        assertThat(now.get("state").asString()).isEqualTo("PAYING");
        assertThat(now.toString()).doesNotContain(marker);
        java.nio.file.Files.deleteIfExists(secret);
    }

    private void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(r.body()).get("code").asString()).isEqualTo(code);
    }

    private String order(String mchOrderNo, long amount, String payWay) {
        return "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":" + amount + ",\"currency\":\"CNY\","
                + "\"pay_way\":\"" + payWay + "\",\"subject\":\"Latte\",\"body\":\"1 x latte\","
                + "\"notify_url\":\"" + inbox.url() + "\",\"client_ip\":\"203.0.113.7\","
                + "\"metadata\":{\"table\":\"7\"}}";
    }

    private HttpResponse<String> simulator(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
