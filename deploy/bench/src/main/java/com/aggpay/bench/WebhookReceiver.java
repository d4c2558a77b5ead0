package com.aggpay.bench;

import com.aggpay.contracts.signing.WebhookSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merchant's webhook endpoint of a cycle run, on loopback: verifies {@code Aggpay-Signature} as a merchant must
 * (API.md, "Webhooks to merchants"), answers 204 to a good delivery and 400 to a forged one, and reports each
 * delivery to the {@link CycleTracker}.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Pattern PAY_ORDER_ID = Pattern.compile("\"pay_order_id\":\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final HttpServer server;
    private final ExecutorService workers;
    private final String secret;
    private final CycleTracker tracker;

    WebhookReceiver(int port, String secret, CycleTracker tracker) throws IOException {
        this.secret = secret;
        this.tracker = tracker;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        this.workers = Executors.newFixedThreadPool(2, Daemons.named("bench-webhooks"));
        server.setExecutor(workers);
        server.createContext("/webhooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long now = System.nanoTime();
            String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            if (!WebhookSignature.verify(secret, header, body, Clock.systemUTC(), TOLERANCE)) {
                tracker.badSignature();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER);
            tracker.delivered(eventId != null ? eventId : first(EVENT_ID, text), first(PAY_ORDER_ID, text), now);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
