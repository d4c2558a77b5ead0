package com.aggpay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The closed-loop mode ({@code --mode closed}): a fixed number of workers, each sending its next order only when
 * the previous one is answered (and paid, with {@code --pay true}). Kept for failover runs and for comparison with
 * earlier measurements; its latencies leave out the time a slow platform makes the workers wait (coordinated
 * omission), so use the open model for latency goals.
 */
final class ClosedLoop {

    private static final Pattern PAY_DATA = Pattern.compile("\"pay_data\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CHANNEL = Pattern.compile("\"channel\":\"([^\"]*)\"");

    private ClosedLoop() {
    }

    static int run(Options opt) throws Exception {
        String gateway = opt.string("gateway", "http://127.0.0.1:8080");
        String simulator = opt.string("simulator", "http://127.0.0.1:9090");
        int workers = opt.integer("workers", 16);
        int seconds = Math.min(600, opt.integer("seconds", 30));
        String payWay = opt.string("pay-way", "WX_NATIVE");
        boolean pay = Boolean.parseBoolean(opt.string("pay", "true"));
        MerchantRequests requests = new MerchantRequests(opt.string("app-id", "demo-app"),
                opt.string("app-secret", "demo-app-secret-0123456789abcdef"), payWay, List.of(),
                MerchantRequests.runPrefix());

        ExecutorService clientPool = Executors.newFixedThreadPool(workers, Daemons.named("bench-http"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).executor(clientPool).build();
        Histogram create = new ConcurrentHistogram(3);
        Histogram payment = new ConcurrentHistogram(3);
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicLong> channels = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        URI gatewayUri = URI.create(gateway);

        System.out.printf("load (closed loop): %d workers for %d s, %s, pay=%s, against %s%n", workers, seconds,
                payWay, pay, gateway);
        FaultRun fault = FaultRun.from(opt, simulator, http);
        if (fault != null) {
            fault.startInBackground();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, Daemons.named("bench-worker"));
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(requests.nextRequest(gatewayUri, Duration.ofSeconds(30)),
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
        for (Future<?> worker : running) {
            try {
                worker.get(1, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                System.err.println("a load worker died: " + e.getCause());
                return 2;
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
        clientPool.shutdownNow();
        return 0;
    }

    private static void report(int seconds, int workers, String payWay, Histogram create, Histogram payment,
                               Map<String, AtomicLong> statuses) {
        System.out.println();
        System.out.printf("## AggPay load run (closed loop): %s, %d workers, %d s%n%n", payWay, workers, seconds);
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
}
