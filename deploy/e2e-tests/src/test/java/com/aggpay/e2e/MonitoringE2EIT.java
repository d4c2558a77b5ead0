package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every panel of the Grafana dashboard and every alert rule in deploy/monitoring names a metric the running services
 * really export: after one paid order with its webhook and one reconciliation with a difference, the union of the
 * services' Prometheus scrapes (management ports) contains each name the dashboard and the rules use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringE2EIT {

    private static final List<String> SERVICES = List.of("gateway-service", "merchant-service", "order-service",
            "channel-router-service", "notify-service");
    private static final Pattern METRIC = Pattern.compile("aggpay_[a-z_]+");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path monitoring = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath()
            .normalize().resolve("deploy/monitoring");
    private Platform platform;
    private MerchantClient merchant;
    private WebhookInbox inbox;

    @BeforeAll
    void platform() throws Exception {
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
        inbox = SharedPlatform.inbox();
        SharedPlatform.healAllChannels();
    }

    @Test
    void every_dashboard_panel_and_alert_rule_names_a_metric_the_services_export() throws Exception {
        // a paid order announced to its merchant: orders, routing, callbacks, outbox, webhook latency
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"MO" + UUID.randomUUID()
                .toString().replace("-", "").substring(0, 20) + "\",\"amount\":321,\"pay_way\":\"ALI_QR\","
                + "\"subject\":\"Metrics\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        platform.simulator().pays(order.get("pay_data").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !inbox.forOrder(order.get("pay_order_id").asString())
                .isEmpty());
        // a reconciliation that finds a difference: a paid trade the platform never created
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        post(platform.simulatorUrl() + "/_sim/trades/inject", Map.of("account", "2021000000000001", "out_trade_no",
                "MON" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), "amount", 100), null);
        HttpResponse<String> reconciled = post(platform.gatewayUrl() + "/api/admin/reconciliations",
                Map.of("channel", "alipay-a", "date", today), operatorToken());
        assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);

        StringBuilder scraped = new StringBuilder();
        for (String service : SERVICES) {
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(platform.managementUrl(service)
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as(service + " scrape").isEqualTo(200);
            scraped.append(scrape.body());
        }
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(monitoring)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".json"))
                    .toList()) {
                Matcher m = METRIC.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group());
                }
            }
        }
        assertThat(named).as("metrics the dashboard and rules use").hasSizeGreaterThan(10);
        String exported = scraped.toString();
        assertThat(named).allSatisfy(metric -> assertThat(exported).as("exported: " + metric)
                .containsPattern("(?m)^" + metric + "[{ ]"));
    }

    private String operatorToken() throws Exception {
        HttpResponse<String> login = post(platform.gatewayUrl() + "/api/admin/login",
                Map.of("username", "admin", "password", "admin-local-only"), null);
        return json.readTree(login.body()).get("token").asString();
    }

    private HttpResponse<String> post(String url, Map<String, Object> body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
