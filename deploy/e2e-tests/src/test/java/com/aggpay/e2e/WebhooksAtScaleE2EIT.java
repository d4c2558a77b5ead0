package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.signing.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's "done when": one merchant's payments announced at once to 40 healthy, 10 flaky (two failures per event,
 * then success) and 10 hanging endpoints. Every healthy and flaky endpoint gets exactly one successful delivery of
 * its event, signed in both forms; the hanging ones hold up nobody. Then an operator and the merchant resend one
 * event, and it arrives again under the same id. Latencies are printed, not asserted against a stopwatch (a shared CI
 * machine is no benchmark: deploy/bench measures them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksAtScaleE2EIT {

    private static final int HEALTHY = 40;
    private static final int FLAKY = 10;
    private static final int HANGING = 10;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private Platform platform;
    private MerchantClient merchant;

    @BeforeAll
    void platform() throws Exception {
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
        // earlier tests break channels on purpose: these tests are about something else
        SharedPlatform.healAllChannels();
        for (int i = 0; i < HEALTHY + FLAKY + HANGING; i++) {
            endpoints.add(new Endpoint(i < HEALTHY ? Kind.HEALTHY : i < HEALTHY + FLAKY ? Kind.FLAKY : Kind.HANGING));
        }
    }

    @AfterAll
    void stopEndpoints() {
        release.countDown();
        endpoints.forEach(Endpoint::stop);
    }

    @Test
    void healthy_and_flaky_endpoints_each_get_one_signed_delivery_while_hanging_ones_hold_up_nobody() throws Exception {
        // one order per endpoint, all created first, then all paid at once
        Map<Endpoint, String> payData = new ConcurrentHashMap<>();
        for (Endpoint e : endpoints) {
            HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"WH" + unique()
                    + "\",\"amount\":" + (1000 + endpoints.indexOf(e)) + ",\"pay_way\":\"ALI_QR\",\"subject\":\"Webhook "
                    + e.kind + "\",\"notify_url\":\"" + e.url() + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode order = json.readTree(created.body());
            e.payOrderId = order.get("pay_order_id").asString();
            payData.put(e, order.get("pay_data").asString());
        }
        for (Endpoint e : endpoints) {
            e.paidAtNanos = System.nanoTime();
            platform.simulator().pays(payData.get(e));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> endpoints.stream()
                .filter(e -> e.kind == Kind.HEALTHY).allMatch(e -> e.successes() >= 1));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> endpoints.stream()
                .filter(e -> e.kind == Kind.FLAKY).allMatch(e -> e.successes() >= 1));

        for (Endpoint e : endpoints) {
            if (e.kind == Kind.HANGING) {
                continue;
            }
            List<Received> ok = e.received.stream().filter(r -> r.answered == 200).toList();
            assertThat(ok).as("successful deliveries to a %s endpoint", e.kind).hasSize(1);
            Received r = ok.get(0);
            assertThat(r.aggpayValid).as("Aggpay-Signature verifies").isTrue();
            assertThat(r.standardValid).as("webhook-signature verifies").isTrue();
            assertThat(r.eventId).isEqualTo(r.standardId).startsWith("evt_");
            assertThat(r.body).contains(e.payOrderId).contains("payment.succeeded");
            if (e.kind == Kind.FLAKY) {
                assertThat(e.received).hasSize(3);
                assertThat(e.received).extracting(x -> x.eventId).containsOnly(r.eventId);
            }
        }
        List<Long> healthyMillis = endpoints.stream().filter(e -> e.kind == Kind.HEALTHY)
                .map(e -> (e.firstSuccessNanos() - e.paidAtNanos) / 1_000_000).sorted().toList();
        System.out.printf("[webhooks] healthy endpoints, payment to first delivery: p50 %d ms, p99 %d ms, max %d ms%n",
                healthyMillis.get(healthyMillis.size() / 2), healthyMillis.get((int) Math.ceil(healthyMillis.size()
                        * 0.99) - 1), healthyMillis.get(healthyMillis.size() - 1));
    }

    @Test
    void an_operator_resend_and_a_merchant_resend_deliver_the_same_event_id_again() throws Exception {
        Endpoint e = new Endpoint(Kind.HEALTHY);
        endpoints.add(e);
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"WR" + unique()
                + "\",\"amount\":777,\"pay_way\":\"ALI_QR\",\"subject\":\"Resend\",\"notify_url\":\"" + e.url() + "\"}");
        JsonNode order = json.readTree(created.body());
        e.payOrderId = order.get("pay_order_id").asString();
        platform.simulator().pays(order.get("pay_data").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> e.successes() == 1);
        String eventId = e.received.get(0).eventId;

        String operator = login("/api/admin/login", "{\"username\":\"admin\",\"password\":\"admin-local-only\"}");
        assertThat(postWithToken("/api/admin/webhooks/events/" + eventId + "/resend", operator).statusCode())
                .isBetween(200, 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> e.successes() == 2);
        String owner = login("/api/portal/login",
                "{\"email\":\"demo@aggpay.local\",\"password\":\"demo-merchant-local-only\"}");
        assertThat(postWithToken("/api/portal/webhooks/events/" + eventId + "/resend", owner).statusCode())
                .isBetween(200, 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> e.successes() == 3);

        assertThat(e.received).extracting(r -> r.eventId).containsOnly(eventId);
        assertThat(e.received).allSatisfy(r -> assertThat(r.aggpayValid && r.standardValid).isTrue());
    }

    private String login(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("token").asString();
    }

    private HttpResponse<String> postWithToken(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    enum Kind { HEALTHY, FLAKY, HANGING }

    record Received(long atNanos, String eventId, String standardId, String body, boolean aggpayValid,
                    boolean standardValid, int answered) {
    }

    /** A merchant's server on a port of its own (so an endpoint of its own), answering as its kind does. */
    final class Endpoint {
        final Kind kind;
        final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile String payOrderId;
        volatile long paidAtNanos;

        Endpoint(Kind kind) throws IOException {
            this.kind = kind;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/hooks", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int n = calls.incrementAndGet();
                if (kind == Kind.HANGING) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                int status = kind == Kind.FLAKY && n <= 2 ? 500 : 200;
                var h = exchange.getRequestHeaders();
                boolean aggpay = WebhookSignature.verify(SharedPlatform.WEBHOOK_SECRET,
                        h.getFirst(WebhookSignature.HEADER), body, Clock.systemUTC(), Duration.ofMinutes(5));
                boolean standard = WebhookSignature.verifyStandard(SharedPlatform.WEBHOOK_SECRET,
                        h.getFirst(WebhookSignature.STANDARD_ID_HEADER), h.getFirst(
                                WebhookSignature.STANDARD_TIMESTAMP_HEADER), h.getFirst(
                                WebhookSignature.STANDARD_SIGNATURE_HEADER), body, Clock.systemUTC(),
                        Duration.ofMinutes(5));
                received.add(new Received(System.nanoTime(), h.getFirst(WebhookSignature.EVENT_ID_HEADER),
                        h.getFirst(WebhookSignature.STANDARD_ID_HEADER), new String(body, StandardCharsets.UTF_8),
                        aggpay, standard, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        long successes() {
            return received.stream().filter(r -> r.answered == 200).count();
        }

        long firstSuccessNanos() {
            return received.stream().filter(r -> r.answered == 200).map(Received::atNanos)
                    .min(Comparator.naturalOrder()).orElseThrow();
        }

        void stop() {
            server.stop(0);
        }
    }
}
