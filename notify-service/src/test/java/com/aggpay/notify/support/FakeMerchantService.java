package com.aggpay.notify.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** Stands in for merchant-service's {@code GET /internal/apps/{app_id}}, so the real Feign client is exercised. */
public final class FakeMerchantService {

    private final HttpServer server;
    private final Map<String, String> apps = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lookupTraceparents = new ConcurrentHashMap<>();

    public FakeMerchantService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/internal/apps/", exchange -> {
            String appId = exchange.getRequestURI().getPath().substring("/internal/apps/".length());
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
                lookupTraceparents.put(appId, traceparent);
            }
            String json = apps.get(appId);
            int status = failing.contains(appId) ? 503 : json == null ? 404 : 200;
            byte[] body = (status == 200 ? json
                    : "{\"code\":\"" + (status == 404 ? "APP_UNKNOWN" : "UNAVAILABLE") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void registerApp(String appId, String mchNo, String webhookSecret, String webhookUrl) {
        apps.put(appId, """
                {"app_id":"%s","mch_no":"%s","merchant_state":"APPROVED","app_state":"ACTIVE","app_secret":"app-secret",
                 "webhook_secret":"%s","webhook_url":%s,"rsa_public_key":null}"""
                .formatted(appId, mchNo, webhookSecret, webhookUrl == null ? "null" : "\"" + webhookUrl + "\""));
    }

    /** The trace context the last lookup of this app came with; null when none came with one. */
    public String lastLookupTraceparent(String appId) {
        return lookupTraceparents.get(appId);
    }

    /** From now on the lookup of this app answers 503, as during an outage of merchant-service. */
    public void failFor(String appId) {
        failing.add(appId);
    }

    public void recoverFor(String appId) {
        failing.remove(appId);
    }
}
