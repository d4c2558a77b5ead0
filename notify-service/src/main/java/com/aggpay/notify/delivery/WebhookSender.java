package com.aggpay.notify.delivery;

import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.contracts.webhook.WebhookTargets;
import com.aggpay.notify.domain.AttemptResult;
import com.aggpay.notify.domain.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one signed webhook without blocking a thread while the merchant thinks: thousands of slow endpoints
 * cost sockets, not threads (Apache HttpClient 5's non-blocking client). Any 2xx within the request timeout is
 * delivered. Redirects are never followed: a 3xx is a failed attempt. The {@link TargetGuard} is the client's only
 * name resolver, so every connection goes to an address the webhook rules allowed, resolved exactly once; no proxy
 * is ever used.
 */
public class WebhookSender implements AutoCloseable {

    static final String USER_AGENT = "AggPay-Webhooks/1";
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    /**
     * @param maxConnections at least the most attempts that may be in flight, so no attempt waits for the pool. Each
     *                       route (scheme + host + port) may use all of them: the {@link Bulkhead} is what limits an
     *                       endpoint, and several of its keys can share one route (events keyed by their app).
     */
    public WebhookSender(Duration connectTimeout, Duration requestTimeout, TargetGuard guard, int maxConnections,
                         Clock clock) {
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard)
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout))
                                // a merchant's name may move: reconnect (and resolve and check again) now and then
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        // plain HTTP/1.1: no h2 negotiation with merchants' varied servers
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setRedirectsEnabled(false)
                        .setExpectContinueEnabled(false)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.client.start();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    public CompletableFuture<AttemptResult> send(URI target, String eventId, String body, String webhookSecret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // a fresh t on every attempt, so a merchant's replay window check passes on late retries; both forms sign
        // the same t, so whichever a merchant checks sees the same age
        long t = clock.instant().getEpochSecond();
        SimpleHttpRequest request = SimpleHttpRequest.create("POST", target);
        request.setHeader("User-Agent", USER_AGENT);
        request.setHeader(WebhookSignature.EVENT_ID_HEADER, eventId);
        request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(webhookSecret, t, bytes));
        request.setHeader(WebhookSignature.STANDARD_ID_HEADER, eventId);
        request.setHeader(WebhookSignature.STANDARD_TIMESTAMP_HEADER, Long.toString(t));
        request.setHeader(WebhookSignature.STANDARD_SIGNATURE_HEADER,
                WebhookSignature.standard(webhookSecret, eventId, t, bytes));
        request.setBody(bytes, JSON);
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        Future<Message<HttpResponse, byte[]>> call = client.execute(SimpleRequestProducer.create(request),
                new BasicResponseConsumer<>(new AnswerExcerpt()),
                new FutureCallback<>() {
                    @Override
                    public void completed(Message<HttpResponse, byte[]> response) {
                        result.complete(classify(response.getHead(), response.getBody()));
                    }

                    @Override
                    public void failed(Exception error) {
                        result.complete(classify(error));
                    }

                    @Override
                    public void cancelled() {
                        result.complete(new AttemptResult.Unreachable("TIMEOUT"));
                    }
                });
        // The response timeout bounds each wait for bytes; this bounds a body that trickles in forever.
        return result
                .completeOnTimeout(new AttemptResult.Unreachable("TIMEOUT"), requestTimeout.toMillis() + 2_000,
                        TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> call.cancel(true));
    }

    static AttemptResult classify(int status) {
        return classify(status, null, null);
    }

    /** A 429 or 503 may say when to come back ({@code Retry-After}); the decision what to do with it is not ours. */
    private AttemptResult classify(HttpResponse head, byte[] answer) {
        int status = head.getCode();
        Header retryAfter = status == 429 || status == 503 ? head.getFirstHeader("Retry-After") : null;
        return classify(status, answer, retryAfter == null ? null
                : RetryAfter.parse(retryAfter.getValue(), clock.instant()).orElse(null));
    }

    /** @param answer the first bytes of the answer's body (see {@link AnswerExcerpt}) */
    static AttemptResult classify(int status, byte[] answer, Duration retryAfter) {
        // new String replaces malformed (or cut-off) UTF-8 sequences, so any bytes make storable text
        String text = answer == null || answer.length == 0 ? null : new String(answer, StandardCharsets.UTF_8);
        return status >= 200 && status < 300 ? new AttemptResult.Delivered(status, text)
                : new AttemptResult.Rejected(status, text, retryAfter);
    }

    static AttemptResult classify(Throwable error) {
        if (error instanceof WebhookTargets.RefusedAddressException refused) {
            return new AttemptResult.Forbidden(TargetGuard.reason(refused.category()));
        }
        if (error instanceof UnknownHostException) {
            return new AttemptResult.Unreachable("DNS_UNRESOLVED");
        }
        if (error instanceof ConnectTimeoutException) {
            return new AttemptResult.Unreachable("TIMEOUT_CONNECT");
        }
        if (error instanceof InterruptedIOException) {
            return new AttemptResult.Unreachable("TIMEOUT"); // SocketTimeoutException: the response timeout
        }
        if (error instanceof ConnectException) {
            return new AttemptResult.Unreachable("CONNECT_FAILED");
        }
        if (error instanceof IOException) {
            return new AttemptResult.Unreachable("IO_ERROR");
        }
        return new AttemptResult.Unreachable("SEND_FAILED");
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
