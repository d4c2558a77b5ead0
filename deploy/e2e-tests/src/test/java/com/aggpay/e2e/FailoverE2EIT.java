package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failover as the merchant sees it, through the gateway with the simulator breaking on command: orders keep
 * succeeding when a WeChat account is down or times out after accepting, nobody pays twice, and every trade that
 * was opened but never handed out ends closed upstream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverE2EIT {

    private static final List<String> WECHAT_ACCOUNTS = List.of("1900000001", "1900000002", "1900000003");
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

    @AfterEach
    void clearFaults() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/_sim/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void with_a_wechat_account_down_25_orders_in_a_row_all_succeed_and_the_last_20_avoid_it() throws Exception {
        String token = operatorToken();
        // fixed priority puts wxpay-a first, so the router has to learn from its failures to move away
        operatorSend("PUT", "/api/admin/routing/M10001",
                "{\"strategy\":\"FIXED_PRIORITY\",\"min_sample\":0,\"exploration_share\":0}", token);
        try {
            fault("1900000001", "DOWN");
            downAccountScenario(token);
        } finally {
            operatorSend("DELETE", "/api/admin/routing/M10001", null, token);
        }
    }

    private void downAccountScenario(String token) throws Exception {
        List<JsonNode> orders = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> created = merchant.post("/api/v1/pay/orders", order("WX_NATIVE", 300));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            orders.add(json.readTree(created.body()));
        }

        assertThat(orders).allSatisfy(o -> assertThat(o.get("pay_data").asString()).startsWith("weixin://"));
        for (JsonNode o : orders.subList(5, 25)) {
            assertThat(o.get("channel").asString()).isNotEqualTo("wxpay-a");
            JsonNode attempts = operatorGet("/api/admin/trades?pay_order_id=" + o.get("pay_order_id").asString(),
                    token).get("attempts");
            assertThat(attempts.size()).isPositive();
            attempts.forEach(a -> assertThat(a.get("channel").asString()).as("attempt of %s", o)
                    .isNotEqualTo("wxpay-a"));
        }
        JsonNode health = operatorGet("/api/admin/channels", token);
        List<String> wxpayA = new ArrayList<>();
        health.forEach(c -> {
            if (c.get("name").asString().equals("wxpay-a")) {
                wxpayA.add(c.get("circuit_state").asString());
            }
        });
        assertThat(wxpayA).containsExactly("OPEN");
    }

    private String operatorToken() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                        + "/api/admin/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin-local-only\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json.readTree(login.body()).get("token").asString();
    }

    private void operatorSend(String method, String path, String body, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    }

    private JsonNode operatorGet(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void with_a_timeout_after_accept_every_order_is_paid_exactly_once_and_no_orphan_stays_open() throws Exception {
        String token = operatorToken();
        operatorSend("PUT", "/api/admin/routing/M10001",
                "{\"strategy\":\"FIXED_PRIORITY\",\"min_sample\":0,\"exploration_share\":0}", token);
        for (String channel : List.of("wxpay-a", "wxpay-b", "wxpay-v2")) {
            operatorSend("POST", "/api/admin/channels/" + channel + "/circuit/reset", null, token);
        }
        try {
            timeoutScenario();
        } finally {
            operatorSend("DELETE", "/api/admin/routing/M10001", null, token);
        }
    }

    private void timeoutScenario() throws Exception {
        fault("1900000001", "TIMEOUT_AFTER_ACCEPT");
        List<String> payOrderIds = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = merchant.post("/api/v1/pay/orders", order("WX_NATIVE", 700 + i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode order = json.readTree(created.body());
            payOrderIds.add(order.get("pay_order_id").asString());
            HttpResponse<String> paid = simulator("/_sim/pay", "{\"pay_data\":"
                    + json.writeValueAsString(order.get("pay_data").asString()) + "}");
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        }

        for (String id : payOrderIds) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    json.readTree(merchant.get("/api/v1/pay/orders/" + id).body()).get("state").asString())
                    .isEqualTo("SUCCESS"));
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox.forOrder(id).size() == 1);
            assertThat(tradesOf(id)).filteredOn(t -> t.get("state").asString().equals("PAID")).hasSize(1);
        }
        // the faulty account really holds trades of these orders that nobody could pay
        assertThat(payOrderIds.stream().mapToLong(id -> {
            try {
                return tradesOf(id).stream().filter(t -> t.get("account").asString().equals("1900000001")).count();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sum()).isPositive();

        clearFaults();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String id : payOrderIds) {
                assertThat(tradesOf(id)).extracting(t -> t.get("state").asString()).doesNotContain("NOTPAY");
            }
        });
        for (String id : payOrderIds) {
            assertThat(inbox.forOrder(id)).hasSize(1);
        }
    }

    /** Every trade the simulator's WeChat accounts hold for this order (trade numbers derive from the order id). */
    private List<JsonNode> tradesOf(String payOrderId) throws Exception {
        String prefix = payOrderId.substring(3);
        List<JsonNode> trades = new ArrayList<>();
        for (String account : WECHAT_ACCOUNTS) {
            platform.simulator().trades(account).stream()
                    .filter(t -> t.get("out_trade_no").asString().startsWith(prefix)).forEach(trades::add);
        }
        return trades;
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

    private String order(String payWay, long amount) {
        return "{\"mch_order_no\":\"FO" + UUID.randomUUID().toString().replace("-", "").substring(0, 24)
                + "\",\"amount\":" + amount + ",\"pay_way\":\"" + payWay + "\",\"subject\":\"Failover\","
                + "\"notify_url\":\"" + inbox.url() + "\"}";
    }
}
