package com.aggpay.e2e;

import com.aggpay.sdk.WebhookVerificationException;
import com.aggpay.sdk.Webhooks;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A merchant's webhook endpoint: verifies each delivery with the merchant SDK and the webhook secret, and keeps it.
 * Stricter than a merchant needs to be: a delivery counts as valid only when every signature form it carries
 * ({@code Aggpay-Signature}, and the Standard Webhooks headers when sent) verifies on its own.
 */
final class WebhookInbox implements AutoCloseable {

    record Delivery(String eventId, String body, boolean signatureValid) {
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

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
            Headers headers = exchange.getRequestHeaders();
            boolean valid = secret != null && everyFormVerifies(secret, headers, body);
            deliveries.add(new Delivery(headers.getFirst("Aggpay-Event-Id"), new String(body, StandardCharsets.UTF_8),
                    valid));
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

    private static boolean everyFormVerifies(String secret, Headers headers, byte[] body) {
        List<Map<String, List<String>>> forms = new ArrayList<>();
        if (headers.containsKey(Webhooks.AGGPAY_SIGNATURE_HEADER)) {
            forms.add(only(headers, Webhooks.AGGPAY_SIGNATURE_HEADER));
        }
        if (headers.containsKey(Webhooks.STANDARD_SIGNATURE_HEADER)) {
            forms.add(only(headers, Webhooks.STANDARD_ID_HEADER, Webhooks.STANDARD_TIMESTAMP_HEADER,
                    Webhooks.STANDARD_SIGNATURE_HEADER));
        }
        return !forms.isEmpty() && forms.stream().allMatch(form -> verifies(secret, form, body));
    }

    private static boolean verifies(String secret, Map<String, List<String>> headers, byte[] body) {
        try {
            Webhooks.verify(secret, headers, body, TOLERANCE);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    private static Map<String, List<String>> only(Headers headers, String... names) {
        Map<String, List<String>> subset = new HashMap<>();
        for (String name : names) {
            subset.put(name, headers.getOrDefault(name, List.of()));
        }
        return subset;
    }
}
