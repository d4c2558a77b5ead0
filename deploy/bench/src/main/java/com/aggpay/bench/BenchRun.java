package com.aggpay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.hc.core5.http.HttpHost;

/**
 * One open-model run ({@code --mode create} or {@code --mode cycle}) from start to report: warm-up, the measured
 * window with CPU snapshots of every platform process at its edges (and an optional JFR recording), the time after
 * the load for the work it left behind, the drain of late answers and webhooks, then the files in results/.
 */
final class BenchRun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private BenchRun() {
    }

    static int run(Options opt, String mode) throws Exception {
        boolean cycleMode = mode.equals("cycle");
        URI gateway = URI.create(opt.string("gateway", "http://127.0.0.1:8080"));
        String simulator = opt.string("simulator", "http://127.0.0.1:9090");
        double rate = opt.decimal("rate", 100);
        int warmup = opt.integer("warmup", 20);
        int seconds = opt.integer("seconds", 60);
        int after = opt.integer("after", 10);
        int drain = opt.integer("drain", 30);
        int maxInFlight = opt.integer("max-in-flight", 2000);
        Duration timeout = Duration.ofSeconds(opt.integer("timeout", 30));
        String payWay = opt.string("pay-way", "WX_NATIVE");
        if (rate <= 0 || warmup < 0 || seconds < 1 || seconds > 3600 || after < 0 || drain < 0 || maxInFlight < 1) {
            throw new IllegalArgumentException("need --rate > 0, --warmup >= 0, 1 <= --seconds <= 3600, --after >= 0, "
                    + "--drain >= 0, --max-in-flight >= 1");
        }
        Instant startedAt = Instant.now();
        Path results = Path.of(opt.string("results", "deploy/bench/results"));
        Files.createDirectories(results);
        String base = STAMP.format(startedAt) + "-" + mode;
        ProcessCpu cpu = ProcessCpu.discover(Path.of(opt.string("pid-dir", ".local/run")));
        ProcessCpu.Proc jfrTarget = opt.has("jfr") ? cpu.find(opt.string("jfr", null)) : null;

        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(Daemons.named("bench-progress"));
        // the JDK client (its default pool is daemon threads) only for the few side calls: readiness, faults
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        LoadClient load = new LoadClient("bench-io", maxInFlight, timeout);
        CycleTracker tracker = cycleMode ? new CycleTracker() : null;
        WebhookReceiver receiver = null;
        Thread signer = null;
        try {
            if (cycleMode) {
                receiver = new WebhookReceiver(opt.integer("webhook-port", 0),
                        opt.string("webhook-secret", "demo-webhook-secret-0123456789ab"), tracker);
            }
            requireReady(http, gateway);
            MerchantRequests requests = new MerchantRequests(opt.string("app-id", "demo-app"),
                    opt.string("app-secret", "demo-app-secret-0123456789abcdef"), payWay,
                    receiver == null ? List.<String>of() : List.of(receiver.url()), MerchantRequests.runPrefix());
            Measurements measured = new Measurements();
            OpenLoop loop = new OpenLoop(load, host(gateway), host(URI.create(simulator)), requests, tracker, measured,
                    maxInFlight, rate);
            FaultRun fault = FaultRun.from(opt, simulator, http);
            System.out.printf("load (open model, %s): %.1f/s for %d s after %d s warm-up, %s, at most %d in flight, "
                            + "against %s%s%n", mode, rate, seconds, warmup, payWay, maxInFlight, gateway,
                    receiver == null ? "" : "; webhooks to " + receiver.url());

            signer = new Thread(loop::sign, "bench-signer");
            signer.setDaemon(true);
            signer.start();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300); // lets the signer get ahead
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            Thread arrivals = new Thread(() -> loop.run(start, measureFrom, end, rate), "bench-arrivals");
            arrivals.setDaemon(true);
            arrivals.start();
            progress.scheduleAtFixedRate(() -> System.out.printf("  … %3d s%s: %d arrivals, %d answered, %d in flight,"
                            + " %d dropped%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                    System.nanoTime() < measureFrom ? " (warm-up)" : "", loop.arrivals(), loop.answered(),
                    loop.inFlight(), loop.dropped()), 10, 10, TimeUnit.SECONDS);

            CompletableFuture<JfrProfile> jfr = null;
            if (jfrTarget != null) {
                // jcmd attaches during the last seconds of warm-up, so its own start-up does not land in the window
                long lead = Math.min(TimeUnit.SECONDS.toNanos(3), measureFrom - start);
                sleepUntil(measureFrom - lead);
                int length = seconds + (int) TimeUnit.NANOSECONDS.toSeconds(lead);
                Path file = results.resolve(base + "-" + jfrTarget.name() + ".jfr");
                jfr = JfrProfile.startInBackground(jfrTarget, file, length, opt.string("jfr-settings", "default"));
            }
            sleepUntil(measureFrom);
            long[] cpuStart = cpu.snapshotMillis();
            System.out.println("  … measured window starts");
            if (fault != null) {
                fault.startInBackground();
            }
            sleepUntil(end);
            long[] cpuEnd = cpu.snapshotMillis();
            System.out.printf("  … load stopped; %d s of work left after it%n", after);
            sleepUntil(end + TimeUnit.SECONDS.toNanos(after));
            long[] cpuAfter = cpu.snapshotMillis();
            arrivals.join();
            signer.interrupt();
            if (!waitFor(() -> loop.inFlight() == 0, end + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5))) {
                System.out.printf("  … %d requests still open; reported as they are%n", loop.inFlight());
            }
            if (tracker != null) {
                System.out.printf("  … waiting up to %d s after the load for the webhooks%n", drain);
                waitFor(() -> tracker.missing() == 0, end + TimeUnit.SECONDS.toNanos(drain));
            }
            progress.shutdownNow();
            if (fault != null) {
                fault.clear();
            }
            RunReport report = new RunReport(
                    new RunReport.Setup(mode, startedAt.toString(), gateway.toString(), payWay, rate, warmup, seconds,
                            after, drain, maxInFlight),
                    new RunReport.Goal(opt.decimal("goal-rate", 500), opt.decimal("goal-p99-ms", 200),
                            opt.decimal("goal-cpu-ms", 4)),
                    measured, new RunReport.Driver(loop.arrivals(), loop.dropped(), loop.maxInFlightSeen()),
                    tracker == null ? null : tracker.summary(),
                    new RunReport.Cpu(cpu.processes(), cpu.ticksPerSecond(), minus(cpuEnd, cpuStart),
                            minus(cpuAfter, cpuEnd)),
                    jfr == null ? null : profile(jfr, jfrTarget.name()),
                    fault == null ? null : new RunReport.Failover(fault.mode, fault.account, fault.afterSeconds,
                            fault.channel, fault.openedAfter()));
            String markdown = report.markdown();
            Path json = results.resolve(base + ".json");
            Files.writeString(json, Json.write(report.json()));
            Files.writeString(results.resolve(base + ".md"), markdown);
            System.out.println();
            System.out.print(markdown);
            System.out.printf("%nwritten: %s and .md%n", json);
            return 0;
        } finally {
            if (signer != null) {
                signer.interrupt();
            }
            progress.shutdownNow();
            if (receiver != null) {
                receiver.close();
            }
            load.close();
        }
    }

    /** The recording's hot methods, or a profile that says why there are none; never fails the run. */
    private static RunReport.Profile profile(CompletableFuture<JfrProfile> started, String process)
            throws InterruptedException {
        JfrProfile jfr;
        try {
            jfr = started.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new RunReport.Profile(process, "", null, String.valueOf(e.getCause() == null ? e : e.getCause()));
        }
        String file = jfr.file().toString();
        if (!jfr.awaitFile(30_000)) {
            return new RunReport.Profile(process, file, null, "the recording was not written within 30 s");
        }
        try {
            return new RunReport.Profile(process, file, jfr.hotMethods(25), null);
        } catch (IOException e) {
            return new RunReport.Profile(process, file, null, e.getMessage());
        }
    }

    static void requireReady(HttpClient http, URI gateway) throws IOException, InterruptedException {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(gateway.resolve("/readyz"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() != 200) {
            throw new IOException(gateway + "/readyz answered " + ready.statusCode() + ": start the platform first "
                    + "(deploy/local/up.sh)");
        }
    }

    static HttpHost host(URI uri) {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// addresses: " + uri);
        }
        return new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    static long[] minus(long[] later, long[] earlier) {
        long[] d = new long[later.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = later[i] < 0 || earlier[i] < 0 ? -1 : later[i] - earlier[i];
        }
        return d;
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    static boolean waitFor(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
