package com.aggpay.notify.delivery;

import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.domain.AttemptResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed webhook without blocking a thread while the merchant thinks: thousands of slow endpoints
 * cost sockets, not threads. Any 2xx within the request timeout is delivered; redirects are not followed.
 */
public class WebhookSender {

    static final String USER_AGENT = "AggPay-Webhooks/1";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    public WebhookSender(Duration connectTimeout, Duration requestTimeout, Executor executor, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // plain HTTP/1.1: no h2c upgrade dance with merchants' varied servers
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    public CompletableFuture<AttemptResult> send(URI target, String eventId, String body, String webhookSecret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // a fresh t on every attempt, so a merchant's replay window check passes on late retries
        String signature = WebhookSignature.header(webhookSecret, clock.instant().getEpochSecond(), bytes);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                .header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        // The request timeout covers the wait for headers; this also bounds a body that trickles in forever.
        return response
                .orTimeout(requestTimeout.toMillis() + 2_000, TimeUnit.MILLISECONDS)
                .handle((r, error) -> error == null ? classify(r.statusCode()) : classify(error, response));
    }

    static AttemptResult classify(int status) {
        return status >= 200 && status < 300 ? new AttemptResult.Delivered(status) : new AttemptResult.Rejected(status);
    }

    private static AttemptResult classify(Throwable error, CompletableFuture<?> response) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException) {
            return new AttemptResult.Unreachable("TIMEOUT_CONNECT");
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            response.cancel(true);
            return new AttemptResult.Unreachable("TIMEOUT");
        }
        if (cause instanceof ConnectException) {
            return new AttemptResult.Unreachable("CONNECT_FAILED");
        }
        if (cause instanceof IOException) {
            return new AttemptResult.Unreachable("IO_ERROR");
        }
        return new AttemptResult.Unreachable("SEND_FAILED");
    }
}
