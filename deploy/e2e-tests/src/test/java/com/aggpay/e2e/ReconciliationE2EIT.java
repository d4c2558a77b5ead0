package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation (对账) as an operator lives it: a paid Alipay order and a trade injected only in the simulator,
 * today's bill reconciled through the gateway; then the merchant's statement of the day with the order's fee.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationE2EIT {

    /** Platform channel → the simulator account it uses (API.md, demo data). */
    private static final Map<String, String> ALIPAY_ACCOUNTS = Map.of("alipay-a", "2021000000000001",
            "alipay-b", "2021000000000002");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private Platform platform;
    private MerchantClient merchant;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
    }

    @Test
    void the_operator_console_for_reconciliation_is_served_by_the_gateway() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/admin/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Matcher bundle = Pattern.compile("/admin/assets/[^\"]+\\.js")
                .matcher(page.body());
        assertThat(bundle.find()).as("the console names its script bundle").isTrue();

        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + bundle.group())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        // the console's routes, reconciliation among them (its page is loaded on demand, the route is in the bundle)
        assertThat(script.body()).contains("reconciliation");
    }

    @Test
    void a_trade_only_the_channel_has_is_channel_only_and_the_paid_order_is_matched() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode order = aPaidAlipayOrder(1000);
        String payOrderId = order.get("pay_order_id").asString();
        String channel = order.get("channel").asString();
        String injected = "INJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> inject = simulator("/_sim/trades/inject", "{\"account\":\""
                + ALIPAY_ACCOUNTS.get(channel) + "\",\"out_trade_no\":\"" + injected + "\",\"amount\":100}");
        assertThat(inject.statusCode()).as(inject.body()).isBetween(200, 299);
        String token = operatorToken();

        HttpResponse<String> r = operator("POST", "/api/admin/reconciliations", token,
                "{\"channel\":\"" + channel + "\",\"date\":\"" + today + "\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json.readTree(r.body());
        assertThat(report.get("channel").asString()).isEqualTo(channel);
        assertThat(report.get("date").asString()).isEqualTo(today);
        assertThat(report.get("matched_count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("discrepancies").valueStream()
                .filter(d -> injected.equals(d.get("out_trade_no").asString())))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("type").asString()).isEqualTo("CHANNEL_ONLY");
                    assertThat(d.get("channel_amount").asLong()).isEqualTo(100);
                });
        assertThat(report.get("discrepancies").valueStream()
                .map(d -> d.get("out_trade_no").asString()))
                .as("the order both sides have is not reported").doesNotContain(payOrderId.substring(3) + "01")
                .allSatisfy(n -> assertThat(n).doesNotStartWith(payOrderId.substring(3)));

        long rate = json.readTree(operator("GET", "/api/admin/channels/" + channel, token, null).body())
                .get("fee_rate_ppm").asLong();
        long fee = (1000 * rate + 500_000) / 1_000_000;
        HttpResponse<String> statement = merchant.get("/api/v1/statements/" + today);
        assertThat(statement.statusCode()).as(statement.body()).isEqualTo(200);
        assertThat(statement.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(statement.body()).contains("# fee = round_half_up(amount * rate)")
                .contains("PAYMENT," + payOrderId + "," + order.get("mch_order_no").asString() + ",,," + channel
                        + ",ALI_QR,1000," + fee + "," + (1000 - fee) + ",");
    }

    private JsonNode aPaidAlipayOrder(long amount) throws Exception {
        String mchOrderNo = "E2EC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"" + mchOrderNo
                + "\",\"amount\":" + amount + ",\"pay_way\":\"ALI_QR\",\"subject\":\"Reconciliation e2e\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        String payOrderId = order.get("pay_order_id").asString();
        HttpResponse<String> paid = simulator("/_sim/pay",
                "{\"pay_data\":" + json.writeValueAsString(order.get("pay_data").asString()) + "}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "SUCCESS".equals(
                json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body()).get("state").asString()));
        return order;
    }

    private String operatorToken() throws Exception {
        HttpResponse<String> login = send("POST", platform.gatewayUrl() + "/api/admin/login", null,
                "{\"username\":\"admin\",\"password\":\"admin-local-only\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json.readTree(login.body()).get("token").asString();
    }

    private HttpResponse<String> operator(String method, String path, String token, String body) throws Exception {
        return send(method, platform.gatewayUrl() + path, token, body);
    }

    private HttpResponse<String> simulator(String path, String body) throws Exception {
        return send("POST", platform.simulatorUrl() + path, null, body);
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
