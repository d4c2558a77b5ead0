package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.ChannelInstance;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed form POST to UnionPay and its verified answer. Separates "never sent" (connect refused or timed out,
 * DNS: a definite rejection) from "sent, answer unknown" (read timeout, reset, 5xx, bad signature). The JDK client
 * never retries a POST on its own, so that line stays sharp.
 */
final class UpExchange {

    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private final HttpClient http;
    private final Duration readTimeout;

    UpExchange(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
    }

    UpAnswer call(ChannelInstance channel, UpCredentials credentials, String path, Map<String, String> request) {
        return callAt(channel, credentials, channel.apiBaseUrl() + path, request);
    }

    /** As {@link #call}, to a full URL: the user-id exchange may have an address of its own. */
    UpAnswer callAt(ChannelInstance channel, UpCredentials credentials, String url, Map<String, String> request) {
        Map<String, String> fields = new LinkedHashMap<>(request);
        fields.put("signature", UpSignature.sign(credentials.merchantKey(), fields));
        HttpResponse<String> response;
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create(url))
                    .timeout(readTimeout)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(UpForm.encode(fields), StandardCharsets.UTF_8))
                    .build();
            response = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            return new UpAnswer.NotSent(e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            return new UpAnswer.NotSent("BAD_URL");
        } catch (HttpTimeoutException e) {
            return new UpAnswer.NoAnswer("READ_TIMEOUT", "no answer within " + readTimeout);
        } catch (IOException e) {
            return e.getCause() instanceof ConnectException ? new UpAnswer.NotSent("ConnectException")
                    : new UpAnswer.NoAnswer("IO_AFTER_SEND", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UpAnswer.NoAnswer("INTERRUPTED", "interrupted while waiting for the answer");
        }
        if (response.statusCode() != 200) {
            return new UpAnswer.NoAnswer("HTTP_" + response.statusCode(), "UnionPay answered HTTP " + response.statusCode());
        }
        Map<String, String> answer;
        try {
            answer = UpForm.parseAnswer(response.body());
        } catch (IllegalArgumentException e) {
            return new UpAnswer.NoAnswer("MALFORMED_RESPONSE", e.getMessage());
        }
        if (!UpSignature.verify(credentials.unionpayKey(), credentials.unionpayCertId(), answer)) {
            // forged, altered, or an error answered unsigned: whatever it says cannot be trusted
            security.warn("event=CHANNEL_RESPONSE_SIGNATURE_INVALID channel={} url={} order_id={}", channel.name(),
                    url, request.get("orderId"));
            return new UpAnswer.NoAnswer("RESPONSE_SIGNATURE_INVALID", "answer signature did not verify");
        }
        if (!channel.accountId().equals(answer.get("merId"))
                || (request.containsKey("orderId") && answer.containsKey("orderId")
                && !request.get("orderId").equals(answer.get("orderId")))) {
            security.warn("event=CHANNEL_RESPONSE_MISMATCH channel={} url={} order_id={}", channel.name(), url,
                    request.get("orderId"));
            return new UpAnswer.NoAnswer("RESPONSE_MISMATCH", "answer is for another merchant or order");
        }
        return new UpAnswer.Verified(answer);
    }
}
