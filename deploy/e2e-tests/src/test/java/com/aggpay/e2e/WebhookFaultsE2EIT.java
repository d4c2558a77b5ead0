package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks survive their own infrastructure failing: notify-service killed in the middle of a backlog and started
 * again, and the Kafka broker stopped for a minute while payments go on. Every event still reaches the merchant;
 * repeats stay within at-least-once (the same event id again) and are counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookFaultsE2EIT {

    private static final Pattern ORDER_ID = Pattern.compile("\"pay_order_id\":\"(po_[0-9a-f]{24})\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"(evt_[0-9a-f]+)\"");

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private Platform platform;
    private MerchantClient merchant;
    private HttpServer endpoint;

    @BeforeAll
    void platform() throws Exception {
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
        // earlier tests break channels on purpose: these tests are about something else
        SharedPlatform.healAllChannels();
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        endpoint.setExecutor(Executors.newFixedThreadPool(8));
        // a merchant's server that takes a second per webhook on 8 threads: slower than payments come, so a backlog
        // builds up behind it
        endpoint.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(new String[] {group(ORDER_ID, body), group(EVENT_ID, body)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void clear() {
        received.clear();
    }

    @Test
    void notify_service_killed_in_the_middle_of_a_backlog_loses_nothing() throws Exception {
        List<String> orders = payOrders(120);
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(orders) >= orders.size() / 2);

        platform.kill("notify-service");
        long beforeKill = delivered(orders);
        assertThat(beforeKill).as("killed in the middle of the backlog").isLessThan(orders.size());
        Thread.sleep(1000);
        platform.restart("notify-service");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> delivered(orders)
                == orders.size());
        long repeats = received.size() - received.stream().map(r -> r[1]).distinct().count();
        System.out.printf("[webhooks] notify-service killed after %d of %d deliveries: all delivered, %d repeated%n",
                beforeKill, orders.size(), repeats);
        // a repeat is an event whose attempt was on the wire when the process died: never more than were in flight
        assertThat(repeats).isLessThanOrEqualTo(64);
        assertThat(received.stream().collect(java.util.stream.Collectors.groupingBy(r -> r[0],
                java.util.stream.Collectors.mapping(r -> r[1], java.util.stream.Collectors.toSet()))))
                .allSatisfy((order, events) -> assertThat(events).as("event ids of " + order).hasSize(1));
    }

    @Test
    void with_the_kafka_broker_stopped_for_a_minute_events_wait_in_the_outbox_and_flow_afterwards() throws Exception {
        List<ProcessHandle> brokers = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("kafka.Kafka")).orElse(false)).toList();
        assertThat(brokers).as("the Kafka broker's process").isNotEmpty();
        List<String> orders;
        signal("STOP", brokers);
        try {
            orders = payOrders(20);
            Thread.sleep(60_000);
            assertThat(delivered(orders)).as("nothing can be announced while the broker is stopped").isZero();
        } finally {
            signal("CONT", brokers);
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> delivered(orders)
                == orders.size());
        long repeats = received.size() - received.stream().map(r -> r[1]).distinct().count();
        System.out.printf("[webhooks] Kafka stopped 60 s: %d events delivered afterwards, %d repeated%n",
                orders.size(), repeats);
    }

    /** Orders paid in the simulator, whose webhooks go to the slow endpoint. */
    private List<String> payOrders(int n) throws Exception {
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"WF" + UUID
                    .randomUUID().toString().replace("-", "").substring(0, 20) + "\",\"amount\":" + (500 + i)
                    + ",\"pay_way\":\"WX_NATIVE\",\"subject\":\"Backlog\",\"notify_url\":\"" + url + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode order = json.readTree(created.body());
            platform.simulator().pays(order.get("pay_data").asString());
            ids.add(order.get("pay_order_id").asString());
        }
        return ids;
    }

    private long delivered(List<String> orders) {
        return received.stream().map(r -> r[0]).filter(orders::contains).distinct().count();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        for (ProcessHandle p : processes) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor()).isZero();
        }
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
