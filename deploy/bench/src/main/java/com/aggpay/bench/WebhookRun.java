package com.aggpay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --mode webhooks}: notify-service against a fleet of merchant endpoints of which some are slow, some fail
 * and some hang ({@link WebhookFleet}), in three phases, each skipped when its size is 0:
 * <ol>
 *   <li>payments: orders created through the gateway and paid in the simulator at a fixed rate (the open loop of
 *       the cycle mode), their notify URLs taking turns over the whole fleet; reports payment → first successful
 *       delivery for healthy (and slow) endpoints, missing and duplicate deliveries, bad signatures;</li>
 *   <li>backlog: {@code --backlog} events published straight onto the payment events topic at once, to healthy
 *       endpoints; reports deliveries per second and how long the whole backlog took;</li>
 *   <li>outage: the healthy endpoints refuse connections while {@code --outage-events} are published and for
 *       {@code --outage} seconds in all, then come back; reports how long the drain took after the recovery.</li>
 * </ol>
 * CPU of every platform process is taken over each phase's window.
 */
final class WebhookRun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private WebhookRun() {
    }

    static int run(Options opt) throws Exception {
        Map<EndpointKind, Integer> counts = new EnumMap<>(EndpointKind.class);
        counts.put(EndpointKind.HEALTHY, opt.integer("healthy", 70));
        counts.put(EndpointKind.SLOW, opt.integer("slow", 10));
        counts.put(EndpointKind.FAILING, opt.integer("failing", 10));
        counts.put(EndpointKind.HANGING, opt.integer("hanging", 10));
        Duration slowDelay = Duration.ofMillis(opt.integer("slow-ms", 2000));
        URI gateway = URI.create(opt.string("gateway", "http://127.0.0.1:8080"));
        String simulator = opt.string("simulator", "http://127.0.0.1:9090");
        double rate = opt.decimal("rate", 40);
        int warmup = opt.integer("warmup", 30);
        int seconds = opt.integer("seconds", 60);
        int drain = opt.integer("drain", 30);
        int backlog = opt.integer("backlog", 20_000);
        int outageEvents = opt.integer("outage-events", 5_000);
        int outage = opt.integer("outage", 30);
        int drainTimeout = opt.integer("drain-timeout", 300);
        int maxInFlight = opt.integer("max-in-flight", 2000);
        if (counts.get(EndpointKind.HEALTHY) < 1 || counts.values().stream().anyMatch(n -> n < 0) || rate <= 0
                || warmup < 0 || seconds < 0 || seconds > 3600 || drain < 0 || backlog < 0 || outageEvents < 0
                || outage < 1 || drainTimeout < 1 || slowDelay.isNegative()) {
            throw new IllegalArgumentException("need --healthy >= 1, other endpoint counts >= 0, --rate > 0, "
                    + "0 <= --seconds <= 3600, --backlog and --outage-events >= 0, --outage and --drain-timeout >= 1");
        }
        WebhookReport.Setup setup = new WebhookReport.Setup(Instant.now().toString(), commit(), counts, slowDelay,
                rate, warmup, seconds, drain, backlog, outageEvents, outage, drainTimeout);
        Path results = Path.of(opt.string("results", "deploy/bench/results"));
        Files.createDirectories(results);
        String base = STAMP.format(Instant.parse(setup.startedAt())) + "-webhooks";
        ProcessCpu cpu = ProcessCpu.discover(Path.of(opt.string("pid-dir", ".local/run")));
        String tag = "bench" + MerchantRequests.runPrefix();
        String secret = opt.string("webhook-secret", "demo-webhook-secret-0123456789ab");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        BenchRun.requireReady(http, gateway);
        FleetTracker tracker = new FleetTracker(layout(counts));
        try (WebhookFleet fleet = new WebhookFleet(counts, slowDelay, secret, tracker)) {
            System.out.printf("webhook run against %s (notify-service at %s): %d healthy, %d slow, %d failing and %d "
                            + "hanging endpoints on loopback; slow ones answer after %d ms%n", gateway, setup.commit(),
                    counts.get(EndpointKind.HEALTHY), counts.get(EndpointKind.SLOW), counts.get(EndpointKind.FAILING),
                    counts.get(EndpointKind.HANGING), slowDelay.toMillis());
            WebhookReport.Payments payments = seconds == 0 ? null
                    : payments(opt, setup, gateway, simulator, maxInFlight, fleet, tracker, cpu);
            WebhookReport.Batch backlogRun = null;
            WebhookReport.Batch outageRun = null;
            if (backlog > 0 || outageEvents > 0) {
                try (EventPublisher publisher = new EventPublisher(opt.string("kafka", "localhost:9092"),
                        opt.string("kafka-username", "aggpay"), opt.string("kafka-password", "aggpay-local-only-kafka"),
                        opt.string("topic-prefix", "aggpay"), opt.string("mch-no", "M10001"),
                        opt.string("app-id", "demo-app"))) {
                    if (backlog > 0) {
                        backlogRun = backlog(publisher, tag + "b", backlog, drainTimeout, fleet, tracker, cpu);
                    }
                    if (outageEvents > 0) {
                        outageRun = outage(publisher, tag + "o", outageEvents, outage, drainTimeout, fleet, tracker,
                                cpu);
                    }
                }
            }
            WebhookReport report = new WebhookReport(setup, cpu.processes(), cpu.ticksPerSecond(), payments,
                    backlogRun, outageRun, new WebhookReport.Goal(opt.decimal("goal-p99-ms", 1000),
                    opt.decimal("goal-deliveries", 1000)));
            String markdown = report.markdown();
            Path json = results.resolve(base + ".json");
            Files.writeString(json, Json.write(report.json()));
            Files.writeString(results.resolve(base + ".md"), markdown);
            System.out.println();
            System.out.print(markdown);
            System.out.printf("%nwritten: %s and .md%n", json);
            return 0;
        }
    }

    /** The kind of each endpoint in the order {@link WebhookFleet} starts them. */
    static List<EndpointKind> layout(Map<EndpointKind, Integer> counts) {
        List<EndpointKind> kinds = new ArrayList<>();
        for (EndpointKind kind : EndpointKind.values()) {
            for (int i = 0; i < counts.getOrDefault(kind, 0); i++) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static WebhookReport.Payments payments(Options opt, WebhookReport.Setup setup, URI gateway,
                                                   String simulator, int maxInFlight, WebhookFleet fleet,
                                                   FleetTracker tracker, ProcessCpu cpu) throws Exception {
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(Daemons.named("bench-progress"));
        LoadClient load = new LoadClient("bench-io", maxInFlight, Duration.ofSeconds(opt.integer("timeout", 30)));
        Thread signer = null;
        try {
            MerchantRequests requests = new MerchantRequests(opt.string("app-id", "demo-app"),
                    opt.string("app-secret", "demo-app-secret-0123456789abcdef"), opt.string("pay-way", "WX_NATIVE"),
                    fleet.urls(), MerchantRequests.runPrefix());
            Measurements measured = new Measurements();
            OpenLoop loop = new OpenLoop(load, BenchRun.host(gateway), BenchRun.host(URI.create(simulator)), requests,
                    tracker, measured, maxInFlight, setup.rate());
            System.out.printf("phase 1, payments: %.1f/s for %d s after %d s warm-up, notify URLs in turn over all "
                    + "%d endpoints%n", setup.rate(), setup.seconds(), setup.warmup(), fleet.endpoints().size());
            signer = new Thread(loop::sign, "bench-signer");
            signer.setDaemon(true);
            signer.start();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            long measureFrom = start + TimeUnit.SECONDS.toNanos(setup.warmup());
            long end = measureFrom + TimeUnit.SECONDS.toNanos(setup.seconds());
            Thread arrivals = new Thread(() -> loop.run(start, measureFrom, end, setup.rate()), "bench-arrivals");
            arrivals.setDaemon(true);
            arrivals.start();
            progress.scheduleAtFixedRate(() -> System.out.printf("  … %3d s%s: %d arrivals, %d answered, %d in flight,"
                            + " %d paid orders of healthy/slow endpoints without a delivery%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                    System.nanoTime() < measureFrom ? " (warm-up)" : "", loop.arrivals(), loop.answered(),
                    loop.inFlight(), tracker.missing()), 10, 10, TimeUnit.SECONDS);
            BenchRun.sleepUntil(measureFrom);
            long[] cpuStart = cpu.snapshotMillis();
            BenchRun.sleepUntil(end);
            long[] cpuEnd = cpu.snapshotMillis();
            arrivals.join();
            signer.interrupt();
            BenchRun.waitFor(() -> loop.inFlight() == 0, end + TimeUnit.SECONDS.toNanos(opt.integer("timeout", 30) + 5));
            System.out.printf("  … load stopped; waiting up to %d s for the deliveries%n", setup.drain());
            BenchRun.waitFor(() -> tracker.missing() == 0, end + TimeUnit.SECONDS.toNanos(setup.drain()));
            return new WebhookReport.Payments(measured, loop.arrivals(), loop.dropped(),
                    tracker.summary(fleet.hanging().requests()), BenchRun.minus(cpuEnd, cpuStart));
        } finally {
            if (signer != null) {
                signer.interrupt();
            }
            progress.shutdownNow();
            load.close();
        }
    }

    private static WebhookReport.Batch backlog(EventPublisher publisher, String tag, int events, int timeout,
                                               WebhookFleet fleet, FleetTracker tracker, ProcessCpu cpu)
            throws IOException, InterruptedException {
        System.out.printf("phase 2, backlog: %d events published onto the topic at once, to the %d healthy "
                + "endpoints%n", events, fleet.urls(EndpointKind.HEALTHY).size());
        long origin = System.nanoTime();
        Drain drain = tracker.drain(EventPublisher.eventPrefix(tag), events, origin);
        long[] cpuStart = cpu.snapshotMillis();
        Duration published = publisher.publish(tag, events, fleet.urls(EndpointKind.HEALTHY));
        System.out.printf("  … published in %d ms; %d delivered so far%n", published.toMillis(), drain.received());
        boolean complete = await(drain, origin + TimeUnit.SECONDS.toNanos(timeout));
        long[] cpuEnd = cpu.snapshotMillis();
        long window = System.nanoTime() - origin;
        return new WebhookReport.Batch(events, published, 0, drain.summary(), complete,
                BenchRun.minus(cpuEnd, cpuStart), window / 1e9);
    }

    private static WebhookReport.Batch outage(EventPublisher publisher, String tag, int events, int outageSeconds,
                                              int timeout, WebhookFleet fleet, FleetTracker tracker, ProcessCpu cpu)
            throws IOException, InterruptedException {
        System.out.printf("phase 3, outage: the %d healthy endpoints refuse connections; %d events published; back "
                + "after %d s%n", fleet.urls(EndpointKind.HEALTHY).size(), events, outageSeconds);
        fleet.takeHealthyDown();
        long down = System.nanoTime();
        Drain drain = tracker.drain(EventPublisher.eventPrefix(tag), events, down);
        Duration published = publisher.publish(tag, events, fleet.urls(EndpointKind.HEALTHY));
        BenchRun.sleepUntil(down + TimeUnit.SECONDS.toNanos(outageSeconds));
        long[] cpuStart = cpu.snapshotMillis();
        long up = System.nanoTime();
        drain.startClockAt(up);
        fleet.bringHealthyBack();
        System.out.printf("  … endpoints back %d s after going down (events published in %d ms)%n",
                TimeUnit.NANOSECONDS.toSeconds(up - down), published.toMillis());
        boolean complete = await(drain, up + TimeUnit.SECONDS.toNanos(timeout));
        long[] cpuEnd = cpu.snapshotMillis();
        return new WebhookReport.Batch(events, published, outageSeconds, drain.summary(), complete,
                BenchRun.minus(cpuEnd, cpuStart), (System.nanoTime() - up) / 1e9);
    }

    /** Waits for every event of the drain, printing the count every 5 s. */
    private static boolean await(Drain drain, long deadline) throws InterruptedException {
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!drain.complete()) {
            if (System.nanoTime() >= deadline) {
                System.out.printf("  … gave up waiting: %d delivered%n", drain.received());
                return false;
            }
            if (System.nanoTime() >= nextReport) {
                System.out.printf("  … %d delivered%n", drain.received());
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** The commit measured, and whether notify-service had uncommitted changes in the working tree. */
    private static String commit() {
        String head = git("log", "-1", "--format=%h");
        if (head.isEmpty()) {
            return "(unknown commit)";
        }
        return git("status", "--porcelain", "--", "notify-service", "contracts").isEmpty() ? head
                : head + " + uncommitted changes in notify-service/contracts";
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
