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
 * Close and compensation as a merchant sees them (issue 5, "Done when"): a closed order can no longer be paid in
 * the wallet, and a payment whose channel notification never comes still reaches SUCCESS with one webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloseAndCompensationE2EIT {

    private static final List<String> ALIPAY_ACCOUNTS = List.of("2021000000000001", "2021000000000002");
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

    @Test
    void a_closed_order_can_no_longer_be_paid_in_the_wallet() throws Exception {
        JsonNode order = create(900);
        String id = order.get("pay_order_id").asString();

        HttpResponse<String> closed = merchant.post("/api/v1/pay/orders/" + id + "/close", "");
        HttpResponse<String> paid = simulator("/_sim/pay", "{\"pay_data\":"
                + json.writeValueAsString(order.get("pay_data").asString()) + "}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json.readTree(closed.body()).get("state").asString()).isEqualTo("CLOSED");
        assertThat(merchant.responseSignatureValid(closed)).isTrue();
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(409);
        assertThat(state(id)).isEqualTo("CLOSED");
    }

    @Test
    void with_alipay_notifications_dropped_a_paid_order_still_succeeds_with_exactly_one_webhook() throws Exception {
        try {
            for (String account : ALIPAY_ACCOUNTS) {
                fault(account, "DROP_NOTIFY");
            }
            JsonNode order = create(950);
            String id = order.get("pay_order_id").asString();

            HttpResponse<String> paid = simulator("/_sim/pay", "{\"pay_data\":"
                    + json.writeValueAsString(order.get("pay_data").asString()) + "}");
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(state(id)).isEqualTo("SUCCESS"));
            await().atMost(Duration.ofSeconds(30)).until(() -> succeededWebhooks(id) >= 1);
            Thread.sleep(3000); // and no second one follows
            assertThat(succeededWebhooks(id)).isEqualTo(1);
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/_sim/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private long succeededWebhooks(String payOrderId) {
        return inbox.forOrder(payOrderId).stream()
                .filter(d -> json.readTree(d.body()).get("type").asString().equals("payment.succeeded")).count();
    }

    private JsonNode create(long amount) throws Exception {
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"CC"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + "\",\"amount\":" + amount
                + ",\"pay_way\":\"ALI_QR\",\"subject\":\"Close and compensation\",\"notify_url\":\"" + inbox.url()
                + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        assertThat(order.get("channel").asString()).startsWith("alipay-");
        return order;
    }

    private String state(String payOrderId) throws Exception {
        return json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body()).get("state").asString();
    }

    private void fault(String account, String mode) throws Exception {
        HttpResponse<String> r = simulator("/_sim/faults", "{\"account\":\"" + account + "\",\"mode\":\"" + mode
                + "\",\"rate\":1.0}");
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    private HttpResponse<String> simulator(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
