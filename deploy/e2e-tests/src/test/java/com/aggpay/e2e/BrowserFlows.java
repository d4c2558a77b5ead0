package com.aggpay.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the browser stories of web/e2e (headless Debian Chromium driven by playwright-core) for the browser tests:
 * skipped without a Chromium unless CI requires one, npm packages installed on first use, each line of the story
 * streamed into the test log.
 */
final class BrowserFlows {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long FLOW_TIMEOUT_MINUTES = 10;
    private static final Path ROOT = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath()
            .normalize();
    private static final Path WEB = ROOT.resolve("web");

    private BrowserFlows() {
    }

    /** CI sets AGGPAY_REQUIRE_BROWSER=true (and installs chromium): there a missing browser fails, it is not skipped. */
    static void assumeBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("AGGPAY_REQUIRE_BROWSER")),
                "no /usr/bin/chromium (apt-get install -y chromium) and AGGPAY_REQUIRE_BROWSER is not true");
    }

    /** A folder for a story's screenshots under deploy/e2e-tests/target/screenshots. */
    static Path screenshots(String name) throws IOException {
        Path dir = ROOT.resolve("deploy/e2e-tests/target/screenshots").resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    /** Runs {@code web/e2e/<script>} against the platform; the exit code is 0 only if every step passed. */
    static int run(String script, Platform platform, Path screenshots, Map<String, String> more) throws Exception {
        if (!Files.isDirectory(WEB.resolve("node_modules"))) {
            int installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
            if (installed != 0) {
                throw new AssertionError("npm ci in web/ failed with " + installed);
            }
        }
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put("BASE_URL", platform.gatewayUrl());
        env.put("SIM_URL", platform.simulatorUrl());
        env.put("SCREENSHOT_DIR", screenshots.toString());
        env.put("CHROMIUM", CHROMIUM.toString());
        return run(new ArrayList<>(List.of("node", "e2e/" + script)), env);
    }

    /** Runs a command in web/, its output streamed into the test log line by line. */
    private static int run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEB.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> System.out.println("[web] " + line));
            } catch (IOException e) {
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
