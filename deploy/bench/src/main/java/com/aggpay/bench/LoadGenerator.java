package com.aggpay.bench;

import com.aggpay.contracts.signing.MerchantSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives a running platform as many merchants' servers would: signed unified orders through the gateway, each paid
 * in the simulated wallet, for a fixed duration with a fixed number of workers (closed loop, bounded, stops by
 * itself). Reports throughput and latency percentiles of order creation and of the wallet payment, and the
 * outcomes by HTTP status. Only ever talks to the addresses it is given (loopback in local mode).
 *
 * <p>Failover run: {@code --fault-account 1900000001 --fault-mode DOWN --fault-after 10 --fault-channel wxpay-a}
 * sets that simulator fault mid-run and reports the share of orders that failed and how long the router took to
 * move traffic away (until the channel's circuit breaker opened, read from the router's Prometheus endpoint).
 *
 * <p>Usage: {@code java -cp … com.aggpay.bench.LoadGenerator [--gateway URL] [--simulator URL] [--workers N]
 * [--seconds S] [--pay-way WX_NATIVE] [--pay true|false] [--router MANAGEMENT_URL] [fault options]}
 */
public final class LoadGenerator {

    private static final Pattern PAY_DATA = Pattern.compile("\"pay_data\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CHANNEL = Pattern.compile("\"channel\":\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String gateway = opt.getOrDefault("gateway", "http://127.0.0.1:8080");
        String simulator = opt.getOrDefault("simulator", "http://127.0.0.1:9090");
        int workers = Integer.parseInt(opt.getOrDefault("workers", "16"));
        int seconds = Math.min(600, Integer.parseInt(opt.getOrDefault("seconds", "30")));
        String payWay = opt.getOrDefault("pay-way", "WX_NATIVE");
        boolean pay = Boolean.parseBoolean(opt.getOrDefault("pay", "true"));
        String appId = opt.getOrDefault("app-id", "demo-app");
        String secret = opt.getOrDefault("app-secret", "demo-app-secret-0123456789abcdef");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newFixedThreadPool(workers)).build();
        Histogram create = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram payment = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

        System.out.printf("load: %d workers for %d s, %s, pay=%s, against %s%n", workers, seconds, payWay, pay, gateway);
        Map<String, AtomicLong> channels = new ConcurrentHashMap<>();
        FaultRun fault = FaultRun.from(opt, simulator, http);
        if (fault != null) {
            Thread injector = new Thread(fault::run, "fault-injector");
            injector.setDaemon(true);
            injector.start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            running.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    String mchOrderNo = "LG" + run + "W" + worker + "N" + (n++);
                    String body = "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":"
                            + (100 + ThreadLocalRandom.current().nextInt(9900)) + ",\"pay_way\":\"" + payWay
                            + "\",\"subject\":\"bench\",\"channel_extra\":{\"openid\":\"o_bench\","
                            + "\"buyer_id\":\"2088000000000001\"}}";
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(signed(gateway, appId, secret, body),
                                HttpResponse.BodyHandlers.ofString());
                        create.recordValue((System.nanoTime() - t0) / 1000);
                        statuses.computeIfAbsent("create " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        Matcher ch = CHANNEL.matcher(r.body());
                        if (r.statusCode() == 201 && ch.find()) {
                            channels.computeIfAbsent(ch.group(1), k -> new AtomicLong()).incrementAndGet();
                        }
                        Matcher m = PAY_DATA.matcher(r.body());
                        if (pay && r.statusCode() == 201 && m.find()) {
                            long t1 = System.nanoTime();
                            HttpResponse<String> p = http.send(HttpRequest.newBuilder(
                                            URI.create(simulator + "/_sim/pay")).timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"pay_data\":\"" + m.group(1) + "\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            payment.recordValue((System.nanoTime() - t1) / 1000);
                            statuses.computeIfAbsent("pay " + p.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        }
                        long total = done.incrementAndGet();
                        if (total % 500 == 0) {
                            System.out.printf("  … %d orders%n", total);
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent("error " + e.getClass().getSimpleName(), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
            }));
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        // A worker that died (e.g. a class missing from the class path) must not pass for a run with no orders.
        for (java.util.concurrent.Future<?> worker : running) {
            try {
                worker.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                System.err.println("a load worker died: " + e.getCause());
                System.exit(2);
            }
        }
        report(seconds, workers, payWay, create, payment, statuses);
        System.out.println();
        System.out.println("| channel (final, of created orders) | orders |");
        System.out.println("|---|---|");
        channels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("| %s | %d |%n", e.getKey(), e.getValue().get()));
        if (fault != null) {
            long failed = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("create ")
                    && !e.getKey().equals("create 201")).mapToLong(e -> e.getValue().get()).sum();
            System.out.println();
            System.out.printf("Failover: %s on account %s after %d s; orders failed: %d of %d (%.2f%%); "
                            + "circuit of %s opened %s after the fault%n", fault.mode, fault.account, fault.afterSeconds,
                    failed, create.getTotalCount(), 100.0 * failed / Math.max(1, create.getTotalCount()),
                    fault.channel, fault.openedAfter());
            fault.clear();
        }
        System.exit(0);
    }

    /** Sets a simulator fault mid-run and watches the router's circuit breaker for that channel open. */
    static final class FaultRun {
        final String account;
        final String mode;
        final String channel;
        final int afterSeconds;
        final String simulator;
        final String router;
        final HttpClient http;
        volatile long injectedAt;
        volatile long openedAt;

        private FaultRun(Map<String, String> opt, String simulator, HttpClient http) {
            this.account = opt.get("fault-account");
            this.mode = opt.getOrDefault("fault-mode", "DOWN");
            this.channel = opt.getOrDefault("fault-channel", "wxpay-a");
            this.afterSeconds = Integer.parseInt(opt.getOrDefault("fault-after", "10"));
            this.simulator = simulator;
            this.router = opt.getOrDefault("router", "http://127.0.0.1:18083"); // its management port
            this.http = http;
        }

        static FaultRun from(Map<String, String> opt, String simulator, HttpClient http) {
            return opt.containsKey("fault-account") ? new FaultRun(opt, simulator, http) : null;
        }

        void run() {
            try {
                Thread.sleep(afterSeconds * 1000L);
                http.send(HttpRequest.newBuilder(URI.create(simulator + "/_sim/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"" + account + "\",\"mode\":\""
                                + mode + "\",\"rate\":1.0}")).build(), HttpResponse.BodyHandlers.ofString());
                injectedAt = System.nanoTime();
                System.out.printf("  … fault %s set on %s%n", mode, account);
                String open = "resilience4j_circuitbreaker_state{name=\"" + channel + "\",state=\"open\"} 1.0";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline) {
                    String metrics = http.send(HttpRequest.newBuilder(URI.create(router + "/actuator/prometheus"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
                    if (metrics.contains(open)) {
                        openedAt = System.nanoTime();
                        System.out.printf("  … circuit of %s open%n", channel);
                        return;
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                System.out.println("  … fault injection failed: " + e);
            }
        }

        String openedAfter() {
            return openedAt == 0 ? "(never, within the run)"
                    : String.format("%.1f s", (openedAt - injectedAt) / 1e9);
        }

        void clear() {
            try {
                http.send(HttpRequest.newBuilder(URI.create(simulator + "/_sim/faults")).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                System.out.println("could not clear the fault: " + e);
            }
        }
    }

    private static HttpRequest signed(String gateway, String appId, String secret, String body) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        byte[] nonceBytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String path = "/api/v1/pay/orders";
        String signature = MerchantSignature.hmacSha256Base64(secret, MerchantSignature.requestMessage("POST", path, ts,
                nonce, body.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", MerchantSignature.authorization(MerchantSignature.HMAC_SCHEME, appId, ts,
                        nonce, signature))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void report(int seconds, int workers, String payWay, Histogram create, Histogram payment,
                               Map<String, AtomicLong> statuses) {
        System.out.println();
        System.out.printf("## AggPay load run: %s, %d workers, %d s%n%n", payWay, workers, seconds);
        System.out.println("| operation | count | throughput /s | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("create order (gateway → order → router → channel)", create, seconds);
        row("pay in the simulated wallet", payment, seconds);
        System.out.println();
        System.out.println("| outcome | count |");
        System.out.println("|---|---|");
        statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("| %s | %d |%n", e.getKey(), e.getValue().get()));
    }

    private static void row(String name, Histogram h, int seconds) {
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name, h.getTotalCount(),
                h.getTotalCount() / (double) seconds, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opt;
    }
}
