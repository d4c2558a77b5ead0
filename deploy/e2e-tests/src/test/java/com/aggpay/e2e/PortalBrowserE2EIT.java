package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The merchant portal and operator console in a real browser (headless Debian Chromium driven by playwright-core)
 * against the real platform: runs web/e2e/portal-flow.mjs, which prints each step of the story, and passes only
 * if every step did. Screenshots land in deploy/e2e-tests/target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long FLOW_TIMEOUT_MINUTES = 10;

    private final Path root = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath().normalize();
    private final Path web = root.resolve("web");
    /** The new app's webhook endpoint: answers 204 to everything and keeps the event id of each delivery. */
    private final List<String> receivedEventIds = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Platform platform;

    @BeforeAll
    void startPlatformAndReceiver() throws Exception {
        // CI sets AGGPAY_REQUIRE_BROWSER=true (and installs chromium): there a missing browser is a failure, not a skip
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("AGGPAY_REQUIRE_BROWSER")),
                "no /usr/bin/chromium (apt-get install -y chromium) and AGGPAY_REQUIRE_BROWSER is not true");
        platform = SharedPlatform.platform();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/portal-e2e-hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            receivedEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Aggpay-Event-Id")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void a_merchant_is_onboarded_reviewed_and_sees_its_paid_order_and_webhooks_in_the_portal() throws Exception {
        if (!Files.isDirectory(web.resolve("node_modules"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of())).as("npm ci in web/").isZero();
        }
        Path screenshots = root.resolve("deploy/e2e-tests/target/screenshots");
        Files.createDirectories(screenshots);

        int exit = run(List.of("node", "e2e/portal-flow.mjs"), Map.of(
                "BASE_URL", platform.gatewayUrl(),
                "SIM_URL", platform.simulatorUrl(),
                "RECEIVER_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/portal-e2e-hooks",
                "SCREENSHOT_DIR", screenshots.toString(),
                "CHROMIUM", CHROMIUM.toString()));

        assertThat(exit).as("web/e2e/portal-flow.mjs exit code (its steps are printed above)").isZero();
        // the first delivery and the resend both reached the merchant's endpoint, under one event id
        assertThat(receivedEventIds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(receivedEventIds.stream().distinct().count()).isLessThan(receivedEventIds.size());
    }

    /** Runs a command in web/, its output streamed into the test log line by line. */
    private int run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(web.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> System.out.println("[web] " + line));
            } catch (java.io.IOException e) {
                System.out.println("[web] output lost: " + e);
            }
        });
        pump.start();
        if (!process.waitFor(FLOW_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            pump.join(5_000);
            throw new AssertionError(String.join(" ", command) + " did not finish in " + FLOW_TIMEOUT_MINUTES + " min");
        }
        pump.join(5_000);
        return process.exitValue();
    }
}
