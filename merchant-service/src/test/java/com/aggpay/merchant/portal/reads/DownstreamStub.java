package com.aggpay.merchant.portal.reads;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.service.ServiceTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * order-service and notify-service in one local HTTP server for the portal ITs: scripted answers by
 * "METHOD path" (an unscripted call is 404), every call recorded, and a call that is hung up on without an answer,
 * as when the service dies mid-call.
 */
final class DownstreamStub {

    record Call(String method, String path, String query, String serviceToken, String body) {
    }

    private static final String[] HANG_UP = {"0", "", ""};

    private final HttpServer server;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    DownstreamStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst(ServiceTokens.HEADER), body));
            String[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new String[] {"404", "application/problem+json", "{\"code\":\"NOT_FOUND\"}"});
            if (answer == HANG_UP) {
                exchange.close(); // before any response headers: the connection is closed with no answer
                return;
            }
            byte[] bytes = answer[2].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer[1]);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String call, int status, String json) {
        answer(call, status, status < 300 ? "application/json" : "application/problem+json", json);
    }

    void answer(String call, int status, String contentType, String body) {
        answers.put(call, new String[] {Integer.toString(status), contentType, body});
    }

    void hangUp(String call) {
        answers.put(call, HANG_UP);
    }

    Call only() {
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    void reset() {
        answers.clear();
        calls.clear();
    }

    void stop() {
        server.stop(0);
    }
}
