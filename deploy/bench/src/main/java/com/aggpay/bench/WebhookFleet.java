package com.aggpay.bench;

import com.aggpay.contracts.signing.WebhookSignature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merchants' servers of a webhook run: many endpoints on loopback, each on its own port, because notify-service
 * isolates by scheme + host + port. Healthy, slow and failing ones are small HTTP servers that verify each request
 * as a merchant must ({@code Aggpay-Signature}, and the Standard Webhooks headers whenever they are present) and
 * report it to the {@link FleetTracker}; a request with a bad signature gets 400 and is counted. Hanging ones are
 * {@link HangingEndpoints}. The healthy endpoints can be taken down (connection refused) and brought back on the same
 * ports, for the outage measurement.
 */
final class WebhookFleet implements AutoCloseable {

    /** One endpoint: its place in the round robin, its behaviour and its address. */
    record Endpoint(int index, EndpointKind kind, int port) {
        String url() {
            return "http://127.0.0.1:" + port + "/webhooks";
        }
    }

    private static final Pattern PAY_ORDER_ID = Pattern.compile("\"pay_order_id\":\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final String secret;
    private final FleetTracker tracker;
    private final Duration slowDelay;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<Integer, HttpServer> servers = new ConcurrentHashMap<>();
    private final HangingEndpoints hanging;
    // verification is a few microseconds: a handful of threads answer every healthy and failing endpoint
    private final ExecutorService answering = Executors.newFixedThreadPool(4, Daemons.named("bench-endpoints"));
    // a slow answer sleeps in its thread; notify-service bounds how many it sends each endpoint at once
    private final ExecutorService sleeping = Executors.newCachedThreadPool(Daemons.named("bench-slow-endpoints"));

    /** Starts {@code counts[kind]} endpoints of each kind, in the order of {@link EndpointKind}. */
    WebhookFleet(Map<EndpointKind, Integer> counts, Duration slowDelay, String secret, FleetTracker tracker)
            throws IOException {
        this.secret = secret;
        this.tracker = tracker;
        this.slowDelay = slowDelay;
        this.hanging = new HangingEndpoints(counts.getOrDefault(EndpointKind.HANGING, 0));
        try {
            for (EndpointKind kind : EndpointKind.values()) {
                if (kind == EndpointKind.HANGING) {
                    for (int port : hanging.ports()) {
                        endpoints.add(new Endpoint(endpoints.size(), kind, port));
                    }
                    continue;
                }
                for (int i = 0; i < counts.getOrDefault(kind, 0); i++) {
                    Endpoint placeholder = new Endpoint(endpoints.size(), kind, 0);
                    HttpServer server = serve(placeholder, 0);
                    Endpoint endpoint = new Endpoint(placeholder.index(), kind, server.getAddress().getPort());
                    servers.put(endpoint.index(), server);
                    endpoints.add(endpoint);
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Every endpoint's URL, in round-robin order. */
    List<String> urls() {
        return endpoints.stream().map(Endpoint::url).toList();
    }

    List<String> urls(EndpointKind kind) {
        return endpoints.stream().filter(e -> e.kind() == kind).map(Endpoint::url).toList();
    }

    List<EndpointKind> kinds() {
        return endpoints.stream().map(Endpoint::kind).toList();
    }

    HangingEndpoints hanging() {
        return hanging;
    }

    /** Closes the healthy endpoints' ports: from now on notify-service's connections to them are refused. */
    void takeHealthyDown() {
        for (Endpoint e : endpoints) {
            if (e.kind() == EndpointKind.HEALTHY) {
                HttpServer server = servers.remove(e.index());
                if (server != null) {
                    server.stop(0);
                }
            }
        }
    }

    /** Listens again on the healthy endpoints' ports (the kernel lets a listener rebind a port in TIME_WAIT). */
    void bringHealthyBack() throws IOException {
        for (Endpoint e : endpoints) {
            if (e.kind() == EndpointKind.HEALTHY && !servers.containsKey(e.index())) {
                servers.put(e.index(), serve(e, e.port()));
            }
        }
    }

    private HttpServer serve(Endpoint endpoint, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(endpoint.kind() == EndpointKind.SLOW ? sleeping : answering);
        server.createContext("/webhooks", exchange -> handle(endpoint.kind(), exchange));
        server.start();
        return server;
    }

    private void handle(EndpointKind kind, HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Headers headers = exchange.getRequestHeaders();
            FleetTracker.Signature signature = verify(headers, body);
            tracker.attempt(kind, signature);
            if (signature == FleetTracker.Signature.BAD) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (kind == EndpointKind.FAILING) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (kind == EndpointKind.SLOW) {
                Thread.sleep(slowDelay.toMillis());
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String eventId = headers.getFirst(WebhookSignature.EVENT_ID_HEADER);
            // recorded before the answer is written: the delivery has succeeded from the merchant's side
            tracker.delivered(kind, eventId != null ? eventId : first(EVENT_ID, text), first(PAY_ORDER_ID, text),
                    System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run is closing
        }
    }

    /** Both forms where both are sent; a request whose Standard Webhooks headers are present must pass them too. */
    private FleetTracker.Signature verify(Headers headers, byte[] body) {
        Clock clock = Clock.systemUTC();
        if (!WebhookSignature.verify(secret, headers.getFirst(WebhookSignature.HEADER), body, clock, TOLERANCE)) {
            return FleetTracker.Signature.BAD;
        }
        String id = headers.getFirst(WebhookSignature.STANDARD_ID_HEADER);
        String timestamp = headers.getFirst(WebhookSignature.STANDARD_TIMESTAMP_HEADER);
        String signatures = headers.getFirst(WebhookSignature.STANDARD_SIGNATURE_HEADER);
        if (id == null && timestamp == null && signatures == null) {
            return FleetTracker.Signature.AGGPAY_ONLY;
        }
        return WebhookSignature.verifyStandard(secret, id, timestamp, signatures, body, clock, TOLERANCE)
                ? FleetTracker.Signature.BOTH : FleetTracker.Signature.BAD;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        servers.clear();
        hanging.close();
        answering.shutdownNow();
        sleeping.shutdownNow();
    }
}
