package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The payer's cashier at the demo store's static code in a real browser (headless Debian Chromium driven by
 * playwright-core) against the real platform: runs web/e2e/cashier-flow.mjs, which opens /qr/demo-store as a plain
 * browser and inside WeChat, Alipay and UnionPay (by User-Agent, authorised through the simulator, the wallets' JS
 * bridges faked), prints each step of the story, and passes only if every step did. Screenshots land in
 * deploy/e2e-tests/target/screenshots/cashier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashierBrowserE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long FLOW_TIMEOUT_MINUTES = 10;

    private final Path root = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath().normalize();
    private final Path web = root.resolve("web");
    private Platform platform;

    @BeforeAll
    void startPlatform() throws Exception {
        // CI sets AGGPAY_REQUIRE_BROWSER=true (and installs chromium): there a missing browser is a failure, not a skip
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("AGGPAY_REQUIRE_BROWSER")),
                "no /usr/bin/chromium (apt-get install -y chromium) and AGGPAY_REQUIRE_BROWSER is not true");
        platform = SharedPlatform.platform();
        // earlier tests break channels on purpose; the payers here need them usable
        SharedPlatform.healAllChannels();
    }

    @Test
    void payers_in_each_wallet_pay_the_demo_store_code_on_the_cashier_page() throws Exception {
        if (!Files.isDirectory(web.resolve("node_modules"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of())).as("npm ci in web/").isZero();
        }
        Path screenshots = root.resolve("deploy/e2e-tests/target/screenshots/cashier");
        Files.createDirectories(screenshots);

        int exit = run(List.of("node", "e2e/cashier-flow.mjs"), Map.of(
                "BASE_URL", platform.gatewayUrl(),
                "SIM_URL", platform.simulatorUrl(),
                "SCREENSHOT_DIR", screenshots.toString(),
                "CHROMIUM", CHROMIUM.toString()));

        assertThat(exit).as("web/e2e/cashier-flow.mjs exit code (its steps are printed above)").isZero();
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
