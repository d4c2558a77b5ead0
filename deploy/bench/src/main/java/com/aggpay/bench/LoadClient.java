package com.aggpay.bench;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The open model's HTTP client: Apache HttpClient 5's async client, HTTP/1.1 only, with one I/O thread and kept-alive
 * pooled connections. One thread for all the I/O keeps the driver's CPU low on a 2-core machine shared with the
 * platform (the JDK's HttpClient spends about a millisecond of CPU per request in futures and thread hand-offs).
 * Everything a browser-like client would add is off: cookies, authentication, redirects and retries, so each
 * arrival is exactly one request and a failure is reported, never hidden.
 *
 * <p>Callbacks run on the I/O thread and must not block. A request waits at most the timeout for a pooled
 * connection, for its connect and for its answer once sent; running out of any of these fails it with
 * {@link #TIMEOUT}.
 */
final class LoadClient implements AutoCloseable {

    /** The outcome of one request, called once: an answer, or a failure's reason. */
    @FunctionalInterface
    interface Callback {
        void done(int status, String body, String failure);
    }

    /** The failure reason of a request that ran out of time. */
    static final String TIMEOUT = "timeout";

    private final CloseableHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager pool;

    /** @param maxInFlight the most requests open at once to one address; the pool holds that many connections each */
    LoadClient(String name, int maxInFlight, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(maxInFlight)
                .setMaxConnTotal(2 * maxInFlight) // the gateway and, in cycle mode, the simulator
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit).setSocketTimeout(limit).build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .build();
        client = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setTcpNoDelay(true).build())
                .setThreadFactory(Daemons.named(name))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
                .disableCookieManagement()
                .disableAuthCaching()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableConnectionState()
                .build();
        client.start();
    }

    /** {@code POST path} with a JSON body to {@code target}; {@code authorization} may be null. */
    static SimpleHttpRequest post(HttpHost target, String path, String authorization, String json) {
        SimpleRequestBuilder post = SimpleRequestBuilder.post().setHttpHost(target).setPath(path)
                .setHeader("Accept", "application/json")
                .setBody(json, ContentType.APPLICATION_JSON);
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        return post.build();
    }

    /** Sends {@code request}; any thread may call this, the I/O thread included. */
    void send(SimpleHttpRequest request, Callback callback) {
        client.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                byte[] body = response.getBodyBytes(); // JSON is UTF-8 whatever the Content-Type says
                deliver(callback, response.getCode(), body == null ? "" : new String(body, StandardCharsets.UTF_8),
                        null);
            }

            @Override
            public void failed(Exception e) {
                boolean timedOut = e instanceof InterruptedIOException || e instanceof TimeoutException;
                deliver(callback, 0, null, timedOut ? TIMEOUT : e.getClass().getSimpleName());
            }

            @Override
            public void cancelled() {
                deliver(callback, 0, null, "cancelled");
            }
        });
    }

    private static void deliver(Callback callback, int status, String body, String failure) {
        try {
            callback.done(status, body, failure);
        } catch (RuntimeException bug) {
            bug.printStackTrace(); // a failing callback must not break the I/O thread for every other request
        }
    }

    /**
     * Kept-alive connections waiting in the pool for the next request. A connection goes back to the pool just after
     * its answer has been handed to the callback, so a caller that wants to see it there may have to wait a moment.
     */
    int idleConnections() {
        return pool.getTotalStats().getAvailable();
    }

    /** Stops the I/O thread and closes every connection; requests still open end as "cancelled" or failed. */
    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
