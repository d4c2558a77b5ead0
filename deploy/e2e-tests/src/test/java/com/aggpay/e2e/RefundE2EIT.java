package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refunds as a merchant lives them, on the real services with the channel simulator upstream: a paid WeChat order
 * refunded in two parts through the gateway, each settled by the channel, each announced by a signed webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefundE2EIT {

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
    void a_paid_order_is_refunded_400_then_600_and_each_refund_is_announced() throws Exception {
        String payOrderId = aPaidWechatOrder(1000);

        JsonNode first = refund(payOrderId, "R1" + payOrderId.substring(3, 20), 400, 201);
        assertThat(refund(payOrderId, "R1" + payOrderId.substring(3, 20), 400, 200).get("refund_id").asString())
                .isEqualTo(first.get("refund_id").asString());
        HttpResponse<String> tooMuch = merchant.post("/api/v1/refunds", refundBody(payOrderId, "R9" + payOrderId
                .substring(3, 20), 700));
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(409);
        assertThat(json.readTree(tooMuch.body()).get("code").asString()).isEqualTo("REFUND_EXCEEDS_PAID");
        JsonNode second = refund(payOrderId, "R2" + payOrderId.substring(3, 20), 600, 201);

        for (JsonNode r : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode now = json.readTree(merchant.get("/api/v1/refunds/" + r.get("refund_id").asString()).body());
                assertThat(now.get("state").asString()).isEqualTo("SUCCESS");
                assertThat(now.get("succeeded_at").isNull()).isFalse();
            });
        }
        JsonNode order = json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body());
        assertThat(order.get("refunded_amount").asLong()).isEqualTo(1000);

        await().atMost(Duration.ofSeconds(30)).until(() -> refundWebhooks(payOrderId).size() >= 2);
        assertThat(refundWebhooks(payOrderId)).hasSize(2).allSatisfy(d -> {
            assertThat(d.signatureValid()).isTrue();
            JsonNode event = json.readTree(d.body());
            assertThat(event.get("data").get("state").asString()).isEqualTo("SUCCESS");
            assertThat(event.get("data").get("pay_order_id").asString()).isEqualTo(payOrderId);
        }).extracting(d -> json.readTree(d.body()).get("data").get("refund_id").asString())
                .containsExactlyInAnyOrder(first.get("refund_id").asString(), second.get("refund_id").asString());
    }

    private List<WebhookInbox.Delivery> refundWebhooks(String payOrderId) {
        return inbox.forOrder(payOrderId).stream()
                .filter(d -> "refund.succeeded".equals(json.readTree(d.body()).get("type").asString())).toList();
    }

    private String aPaidWechatOrder(long amount) throws Exception {
        String mchOrderNo = "E2ER" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"" + mchOrderNo
                + "\",\"amount\":" + amount + ",\"pay_way\":\"WX_NATIVE\",\"subject\":\"Refund e2e\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        String payOrderId = order.get("pay_order_id").asString();
        HttpResponse<String> paid = simulator("/_sim/pay",
                "{\"pay_data\":" + json.writeValueAsString(order.get("pay_data").asString()) + "}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "SUCCESS".equals(
                json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body()).get("state").asString()));
        return payOrderId;
    }

    private JsonNode refund(String payOrderId, String mchRefundNo, long amount, int expectedStatus) throws Exception {
        HttpResponse<String> r = merchant.post("/api/v1/refunds", refundBody(payOrderId, mchRefundNo, amount));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        assertThat(merchant.responseSignatureValid(r)).isTrue();
        return json.readTree(r.body());
    }

    private static String refundBody(String payOrderId, String mchRefundNo, long amount) {
        return "{\"pay_order_id\":\"" + payOrderId + "\",\"mch_refund_no\":\"" + mchRefundNo + "\",\"amount\":"
                + amount + ",\"reason\":\"returned\"}";
    }

    private HttpResponse<String> simulator(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
