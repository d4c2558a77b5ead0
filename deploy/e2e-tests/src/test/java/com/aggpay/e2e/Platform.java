package com.aggpay.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real platform for end-to-end tests: the six built service jars as separate processes on free ports, with
 * their own schemas ({@code aggpaye2e_*}) and topic prefix, so a running local platform is never touched.
 * Needs MariaDB, Redis and Kafka running (deploy/local/test.sh makes sure of it).
 */
final class Platform implements AutoCloseable {

    private static final List<String> SERVICES = List.of("channel-simulator", "merchant-service",
            "channel-router-service", "order-service", "notify-service", "gateway-service");
    /**
     * A lost callback recovered within a minute, not on the production ladder the local profile runs: for every
     * platform an end-to-end test starts.
     */
    static final Map<String, String> QUICK_COMPENSATION = Map.of(
            "AGGPAY_ORDER_COMPENSATION_POLLINTERVALMS", "2000",
            "AGGPAY_ORDER_COMPENSATION_FIRSTQUERYDELAY", "10s",
            "AGGPAY_ORDER_COMPENSATION_LADDER", "5s,10s,20s,30s,60s",
            "AGGPAY_ORDER_COMPENSATION_LEASE", "30s");

    private final Path root;
    private final Path logs;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Platform(Path root) {
        this.root = root;
        this.logs = root.resolve("deploy/e2e-tests/target/e2e-logs");
    }

    static Platform start(String demoWebhookUrl) throws Exception {
        Path root = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath().normalize();
        Platform platform = new Platform(root);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        platform.launch(demoWebhookUrl);
        return platform;
    }

    int port(String service) {
        return ports.get(service);
    }

    /** Where a service's Actuator (health, metrics, Prometheus) answers: loopback, its management port. */
    String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + port("gateway-service");
    }

    String simulatorUrl() {
        return "http://127.0.0.1:" + port("channel-simulator");
    }

    Simulator simulator() {
        return new Simulator(simulatorUrl());
    }

    private void launch(String demoWebhookUrl) throws Exception {
        Files.createDirectories(logs);
        Path keys = logs.resolve("keys");
        run(root.resolve("deploy/local/gen-keys.sh").toString(), keys.toString());
        for (String s : SERVICES) {
            ports.put(s, freePort());
            managementPorts.put(s, freePort());
        }
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("AGGPAY_DB_PREFIX", "aggpaye2e");
        // operator throttles and revocations of its own, apart from a local platform's (and a developer's mistyped logins)
        env.put("AGGPAY_REDIS_KEY_PREFIX", "aggpaye2e");
        env.put("AGGPAY_TOPIC_PREFIX", "aggpaye2e-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("AGGPAY_KEYS_DIR", keys.toString());
        env.put("AGGPAY_KYC_LICENCE_DIR", logs.resolve("licences").toString());
        env.put("AGGPAY_MERCHANT_URL", "http://127.0.0.1:" + port("merchant-service"));
        env.put("AGGPAY_ORDER_URL", "http://127.0.0.1:" + port("order-service"));
        env.put("AGGPAY_ROUTER_URL", "http://127.0.0.1:" + port("channel-router-service"));
        env.put("AGGPAY_NOTIFY_URL", "http://127.0.0.1:" + port("notify-service"));
        env.put("AGGPAY_SIMULATOR_URL", simulatorUrl());
        env.put("AGGPAY_PUBLIC_BASE_URL", gatewayUrl());
        env.put("AGGPAY_DEMO_WEBHOOK_URL", demoWebhookUrl);
        env.putAll(QUICK_COMPENSATION);
        for (String s : SERVICES) {
            processes.add(spawn(s, false));
        }
        for (String s : SERVICES) {
            awaitHealthy(s, TimeUnit.SECONDS.toNanos(240));
        }
    }

    /** Kills one service at once (SIGKILL: no shutdown hook, no graceful drain), as a crash would. */
    synchronized void kill(String service) throws InterruptedException {
        Process p = processes.get(SERVICES.indexOf(service));
        p.destroyForcibly();
        p.waitFor(15, TimeUnit.SECONDS);
    }

    /** Starts a killed service again on its port, and waits until it is ready. */
    synchronized void restart(String service) throws Exception {
        processes.set(SERVICES.indexOf(service), spawn(service, true));
        awaitHealthy(service, TimeUnit.SECONDS.toNanos(120));
    }

    private Process spawn(String s, boolean append) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar(s).toString());
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", String.valueOf(port(s)));
        // Actuator on a port of its own (loopback), free at start, so a running local platform is never in the way.
        pb.environment().put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(s)));
        java.io.File log = logs.resolve(s + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log)
                : ProcessBuilder.Redirect.to(log));
        return pb.start();
    }

    private void awaitHealthy(String s, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        // The platform's services answer /readyz on their port; the simulator, not one of them, Actuator's health.
        String probe = s.equals("channel-simulator") ? "/actuator/health" : "/readyz";
        while (!healthy(port(s), probe)) {
            if (!processes.get(SERVICES.indexOf(s)).isAlive()) {
                throw new IllegalStateException(s + " exited; see " + logs.resolve(s + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(s + " not healthy in time; see " + logs.resolve(s + ".log"));
            }
            Thread.sleep(500);
        }
    }

    private boolean healthy(int port, String probe) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + probe)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path jar(String module) throws IOException {
        try (var files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("build " + module + " first"));
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
