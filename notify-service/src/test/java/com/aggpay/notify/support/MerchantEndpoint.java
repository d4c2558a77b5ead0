package com.aggpay.notify.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A merchant's webhook endpoint: records every request and answers as told (status codes, or hanging). */
public final class MerchantEndpoint implements AutoCloseable {

    /** What the endpoint received once. */
    public record Received(Headers headers, byte[] body, Instant at) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> scriptedStatuses = new ConcurrentLinkedQueue<>();
    private volatile Duration hang = Duration.ZERO;
    private volatile String location;
    private volatile String retryAfter;

    public MerchantEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders(), body, Instant.now()));
            try {
                if (!hang.isZero()) {
                    Thread.sleep(hang.toMillis());
                }
                Integer scripted = scriptedStatuses.poll();
                if (location != null) {
                    exchange.getResponseHeaders().set("Location", location);
                }
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Answers these statuses to the next requests, then 200. */
    public MerchantEndpoint answering(Integer... statuses) {
        scriptedStatuses.addAll(List.of(statuses));
        return this;
    }

    /** Sends this Location header with every answer (for redirects: script a 3xx with {@link #answering}). */
    public MerchantEndpoint locating(String location) {
        this.location = location;
        return this;
    }

    /** Sends this Retry-After header with every answer (for 429 / 503: script them with {@link #answering}). */
    public MerchantEndpoint retryingAfter(String retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sleeps this long before answering every request: a stuck merchant server. */
    public MerchantEndpoint hanging(Duration duration) {
        this.hang = duration;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/pay";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
