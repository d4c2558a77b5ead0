package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as {@code deploy/local/up.sh --replicas 2} starts it (two of every service, beside any other platform
 * on this machine: its own ports, schemas, Redis keys and topics), with payments driven through both gateways while
 * one replica of every service is killed (SIGKILL, all at once, in the middle of the load). Then: no order lost,
 * none paid twice, every trade nobody could pay closed upstream, every paid order's webhook delivered, and the
 * survivors carrying the load on their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasE2EIT {

    private static final int PORT_OFFSET = 1000;
    private static final List<String> SERVICES = List.of("merchant-service", "channel-router-service",
            "order-service", "notify-service", "gateway-service");
    private static final List<String> ACCOUNTS = List.of("1900000001", "1900000002", "1900000003",
            "2021000000000001", "2021000000000002", "777290058110001");
    private static final List<String> PAY_WAYS = List.of("WX_NATIVE", "ALI_QR", "UP_QR");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path root = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath().normalize();
    private final Path work = root.resolve("deploy/e2e-tests/target/e2e-logs/replicas");
    private final Map<String, String> env = new HashMap<>();
    private final AtomicInteger sentAgain = new AtomicInteger();
    private final Simulator simulator = new Simulator(url(9090));
    private WebhookInbox inbox;
    private List<MerchantClient> gateways;

    /** One order as the merchant's server saw it: its number, and what the platform finally answered. */
    private record Placed(String mchOrderNo, String payOrderId, boolean paidInWallet, boolean afterKill) {
    }

    @BeforeAll
    void startTwoOfEach() throws Exception {
        inbox = new WebhookInbox(SharedPlatform.WEBHOOK_SECRET);
        env.put("AGGPAY_LOCAL_DIR", work.toString());
        env.put("AGGPAY_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        env.put("AGGPAY_DB_PREFIX", "aggpaye2erep");
        String run = UUID.randomUUID().toString().substring(0, 8);
        env.put("AGGPAY_REDIS_KEY_PREFIX", "aggpaye2erep-" + run);
        env.put("AGGPAY_TOPIC_PREFIX", "aggpaye2erep-" + run);
        env.put("AGGPAY_DEMO_WEBHOOK_URL", inbox.url());
        env.put("AGGPAY_UP_BUILD", "false");
        env.put("AGGPAY_START_TIMEOUT", "420");
        env.put("AGGPAY_JAVA_OPTS", "-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.putAll(Platform.QUICK_COMPENSATION);
        Files.createDirectories(work);
        script("up.sh", "--replicas", "2");
        gateways = List.of(
                new MerchantClient(url(8080), "demo-app", SharedPlatform.APP_SECRET),
                new MerchantClient(url(8180), "demo-app", SharedPlatform.APP_SECRET));
    }

    @AfterAll
    void stop() throws Exception {
        script("down.sh");
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void one_replica_of_each_service_killed_under_load_loses_and_doubles_nothing() throws Exception {
        ConcurrentLinkedQueue<Placed> placed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService merchants = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            merchants.submit(() -> {
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    boolean afterKill = killed.get();
                    try {
                        placed.add(placeAndPay(n, afterKill));
                    } catch (Exception | AssertionError e) {
                        problems.add("order " + n + ": " + e);
                    }
                }
                return null;
            });
        }
        // Load for a while on each side of the kill, and until each side has its orders: a slow or busy machine
        // places fewer per second, so the phases end on progress, not on the clock alone.
        Thread.sleep(15_000);
        await("orders before the kill").atMost(Duration.ofSeconds(120)).until(() -> placed.size() >= 10);
        int beforeKill = placed.size();
        for (String service : SERVICES) {
            kill(service + "-2");
        }
        killed.set(true);
        Thread.sleep(25_000);
        await("orders after the kill").atMost(Duration.ofSeconds(180))
                .until(() -> placed.stream().filter(Placed::afterKill).count() >= 10);
        stop.set(true);
        merchants.shutdown();
        assertThat(merchants.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        assertThat(problems).as("every merchant call got its answer in the end").isEmpty();
        assertThat(beforeKill).as("orders before the kill").isGreaterThanOrEqualTo(10);
        List<Placed> survivorsOnly = placed.stream().filter(Placed::afterKill).toList();
        assertThat(survivorsOnly).as("orders placed and paid after the kill, by the survivors alone")
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(placed.stream().map(Placed::payOrderId).collect(Collectors.toSet()))
                .as("one order per merchant order number").hasSize(placed.size());

        List<Placed> all = new ArrayList<>(placed);
        // no order lost: each one the merchant placed is there, and each one its payer paid is SUCCESS
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Placed p : all) {
                JsonNode order = json.readTree(query("/api/v1/pay/orders?mch_order_no=" + p.mchOrderNo()).body());
                assertThat(order.get("pay_order_id").asString()).isEqualTo(p.payOrderId());
                if (p.paidInWallet()) {
                    assertThat(order.get("state").asString()).as(p.toString()).isEqualTo("SUCCESS");
                }
            }
        });
        // none paid twice, and no trade left open that nobody can pay any more (orphans of the killed replicas)
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            Map<String, List<JsonNode>> trades = tradesByOrder(all);
            for (Placed p : all) {
                List<JsonNode> mine = trades.getOrDefault(p.payOrderId(), List.of());
                assertThat(mine).as(p + " paid upstream").filteredOn(t -> state(t).equals("PAID"))
                        .hasSize(p.paidInWallet() ? 1 : 0);
                if (p.paidInWallet()) {
                    assertThat(mine).as(p + ": its other trades closed").extracting(ReplicasE2EIT::state)
                            .doesNotContain("NOTPAY");
                }
            }
        });
        // every paid order's payment.succeeded reached the merchant, correctly signed, at least once
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Placed p : all) {
                if (p.paidInWallet()) {
                    assertThat(inbox.forOrder(p.payOrderId())).as(p.toString())
                            .anyMatch(d -> d.body().contains("payment.succeeded") && d.signatureValid());
                }
            }
        });
        Set<String> eventIds = all.stream().flatMap(p -> inbox.forOrder(p.payOrderId()).stream())
                .map(WebhookInbox.Delivery::eventId).collect(Collectors.toSet());
        long deliveries = all.stream().mapToLong(p -> inbox.forOrder(p.payOrderId()).size()).sum();
        System.out.printf("[replicas] %d orders (%d before the kill, %d after), %d paid; %d webhook events, "
                        + "%d deliveries (%d repeats, within at-least-once); %d create calls sent again by the "
                        + "merchants%n", all.size(), beforeKill, survivorsOnly.size(),
                all.stream().filter(Placed::paidInWallet).count(), eventIds.size(), deliveries,
                deliveries - eventIds.size(), sentAgain.get());
    }

    /**
     * A merchant's server placing one order and its payer paying it: through either gateway, and when one is gone
     * or an answer is lost, the same request again through the other (the order number makes that safe).
     */
    private Placed placeAndPay(int n, boolean afterKill) throws Exception {
        String mchOrderNo = "RP" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String body = "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":" + (100 + n % 900) + ",\"pay_way\":\""
                + PAY_WAYS.get(n % PAY_WAYS.size()) + "\",\"subject\":\"Replica\",\"notify_url\":\"" + inbox.url()
                + "\"}";
        JsonNode order = null;
        String last = null;
        for (int attempt = 0; attempt < 20 && order == null; attempt++) {
            if (attempt > 0) {
                sentAgain.incrementAndGet();
            }
            MerchantClient gateway = gateways.get((n + attempt) % gateways.size());
            try {
                HttpResponse<String> r = gateway.post("/api/v1/pay/orders", body);
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    order = json.readTree(r.body());
                } else {
                    last = r.statusCode() + " " + r.body();
                    Thread.sleep(500);
                }
            } catch (UncheckedIOException gone) {
                last = gone.getMessage();
            }
        }
        assertThat(order).as("order %s: last answer %s", mchOrderNo, last).isNotNull();
        String payOrderId = order.get("pay_order_id").asString();
        if (!"PAYING".equals(order.get("state").asString()) || order.get("pay_data").isNull()) {
            return new Placed(mchOrderNo, payOrderId, false, afterKill);
        }
        simulator.pays(order.get("pay_data").asString());
        return new Placed(mchOrderNo, payOrderId, true, afterKill);
    }

    private HttpResponse<String> query(String path) {
        for (MerchantClient gateway : gateways) {
            try {
                return gateway.get(path);
            } catch (UncheckedIOException gone) {
                // the other gateway
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no gateway answers");
    }

    /** The simulator's ledger, per order (its trade numbers derive from the order id). */
    private Map<String, List<JsonNode>> tradesByOrder(List<Placed> orders) throws Exception {
        Map<String, String> byPrefix = orders.stream()
                .collect(Collectors.toMap(p -> p.payOrderId().substring(3), Placed::payOrderId));
        Map<String, List<JsonNode>> trades = new HashMap<>();
        for (String account : ACCOUNTS) {
            for (JsonNode t : simulator.trades(account)) {
                String outTradeNo = t.get("out_trade_no").asString();
                byPrefix.entrySet().stream().filter(e -> outTradeNo.startsWith(e.getKey())).findFirst()
                        .ifPresent(e -> trades.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(t));
            }
        }
        return trades;
    }

    private static String state(JsonNode trade) {
        return trade.get("state").asString();
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + (port + PORT_OFFSET);
    }

    private void kill(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(work.resolve("run").resolve(name + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
        new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).inheritIO().start().waitFor();
        process.onExit().get(15, TimeUnit.SECONDS);
    }

    private void script(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/local").resolve(name).toString()));
        command.addAll(List.of(args));
        File log = work.resolve(name + ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(480, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in 8 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (" + p.exitValue() + "); see " + log + " and "
                    + work.resolve("logs"));
        }
    }
}
