package com.aggpay.router.channel.wxpay.v2;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;

/**
 * POSTs XML with the JDK HttpClient and tells apart a request that never left (connect refused or timed out, DNS,
 * TLS handshake: a definite rejection) from one that left and got no answer (unknown: the trade may exist).
 */
final class WxV2Http {

    /** The raw HTTP answer; the caller parses and verifies it. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;

    WxV2Http(Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1 and no redirects: an h2c upgrade or a redirected POST would blur "sent" / "not sent"
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
    }

    /** What {@code read} makes of the answer, or {@link WxV2Reply.NotSent} / {@link WxV2Reply.Lost}. */
    WxV2Reply post(String url, String xml, Function<Answer, WxV2Reply> read) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return new WxV2Reply.NotSent("bad URL");
        }
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return read.apply(new Answer(response.statusCode(), response.body() == null ? new byte[0] : response.body()));
        } catch (HttpConnectTimeoutException | ConnectException | SSLHandshakeException e) {
            return new WxV2Reply.NotSent(e.getClass().getSimpleName());
        } catch (HttpTimeoutException e) {
            return new WxV2Reply.Lost("READ_TIMEOUT", "no answer within " + readTimeout);
        } catch (IOException e) {
            return notSentCause(e) ? new WxV2Reply.NotSent(e.getClass().getSimpleName())
                    : new WxV2Reply.Lost("IO_AFTER_SEND", e.getClass().getSimpleName());
        } catch (UnresolvedAddressException e) {
            return new WxV2Reply.NotSent("unresolved host");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WxV2Reply.Lost("INTERRUPTED", "interrupted while waiting for the answer");
        }
    }

    /** The JDK client sometimes wraps a connect failure in a plain IOException. */
    private static boolean notSentCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }
}
