package com.aggpay.e2e;

import com.aggpay.contracts.signing.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** A merchant's webhook endpoint: verifies each delivery's signature with the webhook secret and keeps it. */
final class WebhookInbox implements AutoCloseable {

    record Delivery(String eventId, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookInbox(String webhookSecret) throws IOException {
        this(() -> webhookSecret);
    }

    /** For an app whose webhook secret is known only after its endpoint had to exist (it is shown when created). */
    WebhookInbox(Supplier<String> webhookSecret) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String secret = webhookSecret.get();
            boolean valid = secret != null && WebhookSignature.verify(secret,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body, Clock.systemUTC(),
                    Duration.ofMinutes(5));
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER),
                    new String(body, StandardCharsets.UTF_8), valid));
            exchange.sendResponseHeaders(valid ? 200 : 400, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    List<Delivery> forOrder(String payOrderId) {
        return deliveries.stream().filter(d -> d.body().contains("\"" + payOrderId + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
