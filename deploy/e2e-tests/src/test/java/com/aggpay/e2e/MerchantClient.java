package com.aggpay.e2e;

import com.aggpay.sdk.AggPayClient;
import com.aggpay.sdk.Answer;
import com.aggpay.sdk.AnswerNotVerifiedException;
import com.aggpay.sdk.AnswerSignature;
import com.aggpay.sdk.Credentials;
import com.aggpay.sdk.SignedRequest;
import com.aggpay.sdk.Signing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A merchant's server calling the merchant API through the merchant SDK (sdk/merchant-sdk): the SDK signs and sends,
 * and checks each answer's signature. The tests also look at what a merchant's code must refuse (an unknown app's
 * unsigned 401, an answer signed with another secret), so every answer is handed back, with the SDK's verdict
 * asked for separately by {@link #responseSignatureValid}.
 */
final class MerchantClient {

    record Signed(String timestamp, String nonce, String authorization) {
    }

    private final String baseUrl;
    private final Credentials credentials;
    private final AggPayClient sdk;

    MerchantClient(String baseUrl, String appId, String secret) {
        this.baseUrl = baseUrl;
        this.credentials = Credentials.hmac(appId, secret);
        this.sdk = AggPayClient.builder().baseUrl(baseUrl).appId(appId).hmacSecret(secret)
                .connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(30)).build();
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, sign("POST", path, json, now(), nonce()));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, "", sign("GET", path, "", now(), nonce()));
    }

    /** Signed with a chosen timestamp and nonce, so tests can replay a nonce or sign with a stale clock. */
    Signed sign(String method, String path, String body, long timestamp, String nonce) {
        SignedRequest signed = credentials.sign(method, path, body.getBytes(StandardCharsets.UTF_8), timestamp, nonce);
        return new Signed(signed.timestamp(), signed.nonce(), signed.authorization());
    }

    HttpResponse<String> send(String method, String path, String body, Signed signed) {
        SignedRequest request = new SignedRequest(method, path, body.getBytes(StandardCharsets.UTF_8),
                signed.timestamp(), signed.nonce(), signed.authorization());
        Answer answer;
        try {
            answer = sdk.send(request);
        } catch (AnswerNotVerifiedException refused) {
            answer = refused.untrustedAnswer();
        }
        URI uri = URI.create(baseUrl + path);
        return new Received(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                answer);
    }

    /** What a merchant checks on every answer: Aggpay-Signature over TIMESTAMP\nNONCE\nBODY\n. */
    boolean responseSignatureValid(HttpResponse<String> r) {
        return AnswerSignature.isValid(credentials, r.headers(), r.body().getBytes(StandardCharsets.UTF_8));
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String nonce() {
        return Signing.newNonce();
    }

    /** The SDK's answer in the JDK's response type the tests were written against. */
    private record Received(HttpRequest request, Answer answer) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return answer.status();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public String body() {
            return answer.text();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        /** The SDK does not report the protocol; the local platform speaks HTTP/1.1. */
        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
