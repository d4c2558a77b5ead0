package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The merchant portal and operator console in a real browser (headless Debian Chromium driven by playwright-core)
 * against the real platform: runs web/e2e/portal-flow.mjs, which prints each step of the story, and passes only
 * if every step did. Screenshots land in deploy/e2e-tests/target/screenshots/portal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserE2EIT {

    /** The new app's webhook endpoint: answers 204 to everything and keeps the event id of each delivery. */
    private final List<String> receivedEventIds = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Platform platform;

    @BeforeAll
    void startPlatformAndReceiver() throws Exception {
        BrowserFlows.assumeBrowser();
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
        int exit = BrowserFlows.run("portal-flow.mjs", platform, BrowserFlows.screenshots("portal"), Map.of(
                "RECEIVER_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/portal-e2e-hooks"));

        assertThat(exit).as("web/e2e/portal-flow.mjs exit code (its steps are printed above)").isZero();
        // the first delivery and the resend both reached the merchant's endpoint, under one event id
        assertThat(receivedEventIds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(receivedEventIds.stream().distinct().count()).isLessThan(receivedEventIds.size());
    }
}
