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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every pay way of the merchant API through the gateway: the pay data has the documented type, the simulated
 * wallet can pay it, and the order reaches SUCCESS with exactly one signed webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllPayWaysIT {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private Platform platform;
    private WebhookInbox inbox;
    private MerchantClient merchant;

    @BeforeAll
    void platform() throws Exception {
        platform = SharedPlatform.platform();
        inbox = SharedPlatform.inbox();
        merchant = SharedPlatform.demoMerchant();
    }

    @ParameterizedTest(name = "{0} gives {1} on {2}…")
    @CsvSource({
        "WX_NATIVE, CODE_URL,     wxpay-",
        "WX_JSAPI,  JSAPI_PARAMS, wxpay-",
        "WX_H5,     PAY_URL,      wxpay-",
        "WX_APP,    APP_PARAMS,   wxpay-",
        "ALI_QR,    CODE_URL,     alipay-",
        "ALI_WAP,   FORM,         alipay-",
        "ALI_PC,    FORM,         alipay-",
        "ALI_APP,   APP_PARAMS,   alipay-",
        "ALI_JSAPI, JSAPI_PARAMS, alipay-",
        "UP_QR,     CODE_URL,     unionpay-a"
    })
    void each_pay_way_is_created_paid_and_announced_once(String payWay, String payDataType, String channel)
            throws Exception {
        payAndExpectOneWebhook(payWay, payDataType, channel);
    }

    @Test
    void with_both_wechat_v3_accounts_down_wechat_orders_fail_over_to_the_v2_account() throws Exception {
        try {
            fault("1900000001", "DOWN");
            fault("1900000002", "DOWN");
            payAndExpectOneWebhook("WX_NATIVE", "CODE_URL", "wxpay-v2");
            payAndExpectOneWebhook("WX_H5", "PAY_URL", "wxpay-v2");
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/_sim/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private void fault(String account, String mode) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/_sim/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"" + account + "\",\"mode\":\"" + mode
                        + "\",\"rate\":1.0}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    private void payAndExpectOneWebhook(String payWay, String payDataType, String channel) throws Exception {
        String mchOrderNo = "PW" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String body = "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":888,\"pay_way\":\"" + payWay + "\","
                + "\"subject\":\"Noodles\",\"client_ip\":\"203.0.113.7\",\"notify_url\":\"" + inbox.url() + "\","
                + "\"channel_extra\":{\"openid\":\"o_e2e_payer\",\"buyer_id\":\"2088000000000001\"}}";

        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(merchant.responseSignatureValid(created)).isTrue();
        JsonNode order = json.readTree(created.body());
        String payOrderId = order.get("pay_order_id").asString();
        assertThat(order.get("pay_data_type").asString()).isEqualTo(payDataType);
        // the platform's default policy ranks channels by recent success rate: any account of the right wallet
        assertThat(order.get("channel").asString()).startsWith(channel);
        assertThat(order.get("pay_data").asString()).isNotBlank();

        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/_sim/pay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pay_data\":"
                        + json.writeValueAsString(order.get("pay_data").asString()) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body())
                        .get("state").asString()).isEqualTo("SUCCESS"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !inbox.forOrder(payOrderId).isEmpty());
        Thread.sleep(1500);
        assertThat(inbox.forOrder(payOrderId)).singleElement()
                .satisfies(d -> assertThat(d.signatureValid()).isTrue());
    }
}
