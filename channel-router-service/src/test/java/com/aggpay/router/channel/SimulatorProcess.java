package com.aggpay.router.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built channel simulator jar, run as a separate process on a free port with a fresh keys dir made by
 * {@code deploy/local/gen-keys.sh}: contract tests talk to it exactly as the platform talks to the wallets.
 * Always {@link #close()} one you {@link #start()}ed (an {@code @AfterAll}); a shutdown hook kills it if the test JVM
 * dies first. Tests that need no simulator of their own use {@link #shared()}: one process for the whole test JVM.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final Path MODULE_DIR = Path.of("").toAbsolutePath();
    private static final Path JAR = MODULE_DIR.resolve("../channel-simulator/target/channel-simulator-0.1.0-SNAPSHOT.jar")
            .normalize();
    private static final Path GEN_KEYS = MODULE_DIR.resolve("../deploy/local/gen-keys.sh").normalize();

    private final Process process;
    private final Thread killer;
    private final int port;
    private final Path keysDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean shared;

    private static SimulatorProcess sharedInstance;
    private static RuntimeException sharedFailure;

    private SimulatorProcess(Process process, int port, Path keysDir, Path log) {
        this.process = process;
        this.port = port;
        this.keysDir = keysDir;
        this.log = log;
        this.killer = new Thread(process::destroyForcibly, "simulator-killer-" + port);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts a simulator and waits until it is healthy; extra args are Spring properties, e.g. {@code --sim.x=y}. */
    public static SimulatorProcess start(String... extraArgs) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " not built: run ./mvnw -pl channel-simulator install first");
        }
        try {
            Path keysDir = Files.createTempDirectory("aggpay-sim-keys");
            run(List.of("bash", GEN_KEYS.toString(), keysDir.toString()));
            int port = freePort();
            Path log = MODULE_DIR.resolve("target/simulator-" + port + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                    "--server.port=" + port, "--sim.notify.retry-delays=300ms,500ms,1s,2s"));
            command.addAll(List.of(extraArgs));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("AGGPAY_KEYS_DIR", keysDir.toString());
            SimulatorProcess simulator = new SimulatorProcess(builder.start(), port, keysDir, log);
            simulator.awaitHealthy(Duration.ofSeconds(120));
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM-wide simulator: started on first use (thread-safe), stopped by a shutdown hook. Its {@link #close()} does
     * nothing, so a test class cannot stop it for the others. State (ledger, faults) is shared: tests use their own
     * trade numbers and clear the faults they set.
     */
    public static synchronized SimulatorProcess shared() {
        if (sharedInstance == null) {
            if (sharedFailure != null) {
                throw new IllegalStateException("the shared simulator failed to start", sharedFailure);
            }
            try {
                SimulatorProcess simulator = start();
                simulator.shared = true;
                Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "shared-simulator-stopper"));
                sharedInstance = simulator;
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return sharedInstance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path keysDir() {
        return keysDir;
    }

    /** A key file's content, e.g. {@code key("wxpay/1900000001/merchant_private.pem")}. */
    public String key(String relativePath) {
        try {
            return Files.readString(keysDir.resolve(relativePath), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE());
    }

    public void setFault(String account, String mode, double rate, long latencyMs) {
        HttpResponse<String> response = post("/_sim/faults", "{\"account\":\"" + account + "\",\"mode\":\"" + mode
                + "\",\"rate\":" + rate + ",\"latency_ms\":" + latencyMs + "}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("fault not set: " + response.body());
        }
    }

    public void clearFaults() {
        delete("/_sim/faults");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("simulator exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("simulator not healthy within " + timeout + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops this simulator; does nothing on the {@link #shared()} one (a shutdown hook stops that). */
    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteKeys();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private void deleteKeys() {
        try (var paths = Files.walk(keysDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
