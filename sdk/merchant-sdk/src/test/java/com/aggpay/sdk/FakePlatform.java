package com.aggpay.sdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The platform's gateway as a merchant sees it, on a local port: records the request it got and gives the answer the
 * test scripted, signed the way the test chose (with the tests' own crypto, not the SDK's).
 */
final class FakePlatform implements AutoCloseable {

    /** How the scripted answer is signed. */
    enum Signing { HMAC, RSA, UNSIGNED, HMAC_THEN_TAMPERED }

    record Received(String method, String pathAndQuery, Headers headers, String body) {
    }

    private final HttpServer server;
    private final String hmacSecret;
    private final PrivateKey platformKey;
    private volatile long signedAt;
    private volatile int status;
    private volatile String contentType;
    private volatile String answer;
    private volatile Signing signing = Signing.HMAC;
    private volatile Received received;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakePlatform(String hmacSecret, PrivateKey platformKey, long signedAt) throws IOException {
        this.hmacSecret = hmacSecret;
        this.platformKey = platformKey;
        this.signedAt = signedAt;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            try {
                sign(exchange.getResponseHeaders(), answer);
            } catch (Exception e) {
                throw new IOException(e);
            }
            if (signing == Signing.HMAC_THEN_TAMPERED) {
                body = answer.replace("PAYING", "SUCCESS").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("X-Request-Id", "req-header-1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    void answer(int status, String contentType, String body, Signing signing) {
        this.status = status;
        this.contentType = contentType;
        this.answer = body;
        this.signing = signing;
    }

    void answerJson(int status, String body) {
        answer(status, status < 300 ? "application/json" : "application/problem+json", body, signing);
    }

    void signAnswersAt(long unixSeconds) {
        this.signedAt = unixSeconds;
    }

    void signWith(Signing signing) {
        this.signing = signing;
    }

    Received received() {
        return received;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void sign(Headers headers, String body) throws Exception {
        String nonce = "0f0e0d0c0b0a0908";
        String message = signedAt + "\n" + nonce + "\n" + body + "\n";
        String signature = switch (signing) {
            case HMAC, HMAC_THEN_TAMPERED -> Crypto.hmacBase64(hmacSecret, message);
            case RSA -> Crypto.rsaBase64(platformKey, message);
            case UNSIGNED -> null;
        };
        if (signature != null) {
            headers.set("Aggpay-Timestamp", Long.toString(signedAt));
            headers.set("Aggpay-Nonce", nonce);
            headers.set("Aggpay-Signature", signature);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
