package com.aggpay.router.channel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-test HTTP endpoint that records channel notifications exactly as they arrive and answers as told. */
public final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<ChannelNotification> received = new LinkedBlockingQueue<>();
    private volatile int status;
    private volatile String answer;
    /** Answer 500 to this many deliveries first (to see retries). */
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public NotificationReceiver(int status, String answer) {
        this.status = status;
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            // the path as a pseudo-header (never a real header name): some channels notify different paths
            headers.put(":path", exchange.getRequestURI().getPath());
            received.add(new ChannelNotification(headers, body, headers.get("content-type")));
            boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] reply = (fail ? "" : answer).getBytes(StandardCharsets.UTF_8);
            int code = fail ? 500 : status;
            exchange.sendResponseHeaders(code, code == 204 || reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0 && code != 204) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void failNext(int deliveries) {
        failuresLeft.set(deliveries);
    }

    /** The next notification, or null after the timeout. */
    public ChannelNotification next(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
