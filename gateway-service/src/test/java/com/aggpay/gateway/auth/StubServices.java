package com.aggpay.gateway.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-test stand-ins for the services behind the gateway: merchant-service's internal app API, and a
 * merchant-service (its {@code /api} paths), order-service, channel-router-service and notify-service that record
 * what reached them. One instance per JVM, so every gateway IT shares one Spring context.
 */
final class StubServices {

    static final String HMAC_APP = "gw-hmac-app";
    static final String HMAC_SECRET = "gw-hmac-secret-0123456789abcdef";
    static final String RSA_APP = "gw-rsa-app";
    static final String RSA_APP_SECRET = "gw-rsa-app-secret-0123456789abc";
    static final String PENDING_APP = "gw-pending-app";
    static final String DISABLED_APP = "gw-disabled-app";
    static final String BROKEN_APP = "gw-broken-app";
    static final String MCH_NO = "M20001";
    /** Rate-limited apps: new ids every run, because their buckets live in the shared Redis for a few seconds. */
    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final String LIMITED_APP = "gw-limited-" + RUN;
    static final String OTHER_LIMITED_APP = "gw-limited-other-" + RUN;
    static final String SLOW_APP = "gw-slow-" + RUN;
    static final String LIMITED_SECRET = "gw-limited-secret-0123456789abcd";

    static final StubServices INSTANCE = start();

    final KeyPair merchantRsaKeys = rsaKeys();
    final ConcurrentLinkedQueue<Recorded> orderServiceCalls = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Recorded> routerCalls = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Recorded> merchantServiceCalls = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Recorded> notifyCalls = new ConcurrentLinkedQueue<>();
    final AtomicInteger droppedConnections = new AtomicInteger();
    private final HttpServer merchantService;
    private final HttpServer orderService;
    private final HttpServer router;
    private final HttpServer notifyService;
    private final Map<String, Map<String, Object>> apps = new LinkedHashMap<>();

    record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private StubServices() throws IOException {
        apps.put(HMAC_APP, app(HMAC_APP, MCH_NO, "APPROVED", "ACTIVE", HMAC_SECRET, null));
        apps.put(RSA_APP, app(RSA_APP, "M20002", "APPROVED", "ACTIVE", RSA_APP_SECRET, pem(merchantRsaKeys)));
        apps.put(PENDING_APP, app(PENDING_APP, null, "SUBMITTED", "ACTIVE", "gw-pending-secret-0123456789abcd", null));
        apps.put(DISABLED_APP, app(DISABLED_APP, "M20003", "APPROVED", "DISABLED", "gw-disabled-secret-0123456789ab", null));
        for (String limited : new String[] {LIMITED_APP, OTHER_LIMITED_APP}) {
            apps.put(limited, withRateLimit(app(limited, "M20004", "APPROVED", "ACTIVE", LIMITED_SECRET, null), 5, 5));
        }
        apps.put(SLOW_APP, withRateLimit(app(SLOW_APP, "M20004", "APPROVED", "ACTIVE", LIMITED_SECRET, null), 1, 3));

        merchantService = server();
        merchantService.createContext("/internal/apps/", this::answerApp);
        merchantService.createContext("/api/", exchange -> record(exchange, merchantServiceCalls, 200,
                "application/json", "{\"stub\":\"merchant-service\"}"));
        orderService = server();
        orderService.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/drop-connection")) {
                droppedConnections.incrementAndGet();
                // HttpServer closes the connection without an answer when a handler throws.
                throw new IOException("stub drops the connection");
            }
            if (exchange.getRequestURI().getPath().endsWith("/unavailable")) {
                record(exchange, orderServiceCalls, 503, "application/problem+json",
                        "{\"status\":503,\"code\":\"CHANNEL_UNAVAILABLE\"}");
                return;
            }
            record(exchange, orderServiceCalls, 201, "application/json",
                    "{\"pay_order_id\":\"po_stub\",\"note\":\"拿铁 ☕\"}");
        });
        router = server();
        router.createContext("/", exchange -> record(exchange, routerCalls, 200, "text/plain", "success"));
        notifyService = server();
        notifyService.createContext("/", exchange -> record(exchange, notifyCalls, 200, "application/json",
                "{\"stub\":\"notify-service\"}"));
    }

    private static StubServices start() {
        try {
            return new StubServices();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String merchantServiceUrl() {
        return url(merchantService);
    }

    String orderServiceUrl() {
        return url(orderService);
    }

    String routerUrl() {
        return url(router);
    }

    String notifyUrl() {
        return url(notifyService);
    }

    private void answerApp(HttpExchange exchange) throws IOException {
        String appId = exchange.getRequestURI().getPath().substring("/internal/apps/".length());
        if (appId.equals(BROKEN_APP)) {
            send(exchange, 500, "application/problem+json", "{\"code\":\"INTERNAL_ERROR\"}");
        } else if (apps.containsKey(appId)) {
            send(exchange, 200, "application/json", JsonMapper.shared().writeValueAsString(apps.get(appId)));
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"code\":\"APP_UNKNOWN\"}");
        }
    }

    private static void record(HttpExchange exchange, ConcurrentLinkedQueue<Recorded> calls, int status, String type,
                               String answer) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        calls.add(new Recorded(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()), body));
        // Real services echo the request id too; the gateway must not answer with it twice.
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        send(exchange, status, type, answer);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> app(String appId, String mchNo, String merchantState, String appState,
                                           String secret, String rsaPublicKey) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("app_id", appId);
        app.put("mch_no", mchNo);
        app.put("merchant_state", merchantState);
        app.put("app_state", appState);
        app.put("app_secret", secret);
        app.put("webhook_secret", "whsec-" + appId);
        app.put("webhook_url", "http://127.0.0.1:1/hooks");
        app.put("rsa_public_key", rsaPublicKey);
        return app;
    }

    private static Map<String, Object> withRateLimit(Map<String, Object> app, long perSecond, long burst) {
        app.put("rate_limit", Map.of("per_second", perSecond, "burst", burst));
        return app;
    }

    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
