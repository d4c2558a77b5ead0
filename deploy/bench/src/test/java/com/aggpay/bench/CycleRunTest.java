package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.WebhookSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole cycle run against a stand-in platform on loopback: the gateway's create, the simulator's pay hook and
 * the signed webhook that follows it, delivered to the driver's own receiver (the first order's twice, as
 * at-least-once delivery may).
 */
class CycleRunTest {

    private static final String WEBHOOK_SECRET = "test-webhook-secret";
    private static final Pattern FIELD = Pattern.compile("\"(notify_url|pay_data)\":\"([^\"]+)\"");

    private HttpServer platform;
    private final ScheduledExecutorService notifier = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> notifyUrlByPayData = new ConcurrentHashMap<>();
    private final AtomicInteger orders = new AtomicInteger();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startPlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        platform.setExecutor(Executors.newFixedThreadPool(4));
        platform.createContext("/readyz", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        platform.createContext("/api/v1/pay/orders", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            int n = orders.incrementAndGet();
            notifyUrlByPayData.put("weixin://wxpay/bizpayurl?pr=" + n, field(body, "notify_url"));
            reply(ex, 201, "{\"pay_order_id\":\"po_" + n + "\",\"channel\":\"wxpay-a\",\"state\":\"PAYING\","
                    + "\"pay_data\":\"weixin://wxpay/bizpayurl?pr=" + n + "\"}");
        });
        platform.createContext("/_sim/pay", ex -> {
            String payData = field(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), "pay_data");
            reply(ex, 200, "{\"paid\":true,\"channel_trade_no\":\"t\"}");
            String n = payData.substring(payData.indexOf("pr=") + 3);
            notifier.schedule(() -> deliver(notifyUrlByPayData.get(payData), n), 20, TimeUnit.MILLISECONDS);
            if (n.equals("1")) {
                notifier.schedule(() -> deliver(notifyUrlByPayData.get(payData), n), 60, TimeUnit.MILLISECONDS);
            }
        });
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop(0);
        notifier.shutdownNow();
    }

    @Test
    void every_paid_order_is_followed_to_its_signed_webhook_and_the_repeat_counts_as_a_duplicate(@TempDir Path dir)
            throws Exception {
        String base = "http://127.0.0.1:" + platform.getAddress().getPort();
        int status = BenchRun.run(Options.parse(new String[] {"--gateway", base, "--simulator", base,
                "--rate", "20", "--warmup", "0", "--seconds", "2", "--after", "0", "--drain", "5",
                "--webhook-secret", WEBHOOK_SECRET, "--pid-dir", dir.resolve("no-pids").toString(),
                "--results", dir.toString()}, Set.of("gateway", "simulator", "rate", "warmup", "seconds", "after",
                "drain", "webhook-secret", "pid-dir", "results")), "cycle");

        assertThat(status).isZero();
        Path json;
        try (var files = Files.list(dir)) {
            json = files.filter(f -> f.toString().endsWith("-cycle.json")).findFirst().orElseThrow();
        }
        String result = Files.readString(json);
        assertThat(result).contains("\"create 201\": 40", "\"pay 200\": 40", "\"errors\": 0",
                "\"expected\": 40", "\"received\": 40", "\"missing\": 0", "\"duplicate_event_ids\": 1",
                "\"bad_signatures\": 0", "\"unknown_orders\": 0");
        assertThat(authorizations).hasSize(40).allMatch(a -> a.startsWith("AGGPAY-HMAC-SHA256 app_id=\"demo-app\""));
        assertThat(Files.exists(dir.resolve(json.getFileName().toString().replace(".json", ".md")))).isTrue();
    }

    private void deliver(String notifyUrl, String n) {
        String body = "{\"id\":\"evt_" + n + "\",\"type\":\"payment.succeeded\",\"data\":{\"pay_order_id\":\"po_" + n
                + "\",\"state\":\"SUCCESS\"}}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        try {
            http.send(HttpRequest.newBuilder(URI.create(notifyUrl))
                    .header(WebhookSignature.EVENT_ID_HEADER, "evt_" + n)
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.header(WEBHOOK_SECRET, System.currentTimeMillis() / 1000, raw))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }
}
