package com.aggpay.e2e;

import com.aggpay.contracts.signing.MerchantSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A merchant's server calling the merchant API with AGGPAY-HMAC-SHA256, exactly as API.md tells merchants to. */
final class MerchantClient {

    record Signed(String timestamp, String nonce, String authorization) {
    }

    private final String baseUrl;
    private final String appId;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    MerchantClient(String baseUrl, String appId, String secret) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.secret = secret;
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, sign("POST", path, json, now(), nonce()));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, "", sign("GET", path, "", now(), nonce()));
    }

    Signed sign(String method, String path, String body, long timestamp, String nonce) {
        String ts = String.valueOf(timestamp);
        String signature = MerchantSignature.hmacSha256Base64(secret,
                MerchantSignature.requestMessage(method, path, ts, nonce, body.getBytes(StandardCharsets.UTF_8)));
        return new Signed(ts, nonce, MerchantSignature.authorization(MerchantSignature.HMAC_SCHEME, appId, ts, nonce,
                signature));
    }

    HttpResponse<String> send(String method, String path, String body, Signed signed) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", signed.authorization());
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What a merchant checks on every answer: Aggpay-Signature over TIMESTAMP\nNONCE\nBODY\n. */
    boolean responseSignatureValid(HttpResponse<String> r) {
        String ts = r.headers().firstValue("Aggpay-Timestamp").orElse(null);
        String nonce = r.headers().firstValue("Aggpay-Nonce").orElse(null);
        String signature = r.headers().firstValue("Aggpay-Signature").orElse(null);
        if (ts == null || nonce == null || signature == null) {
            return false;
        }
        return MerchantSignature.verifyHmac(secret,
                MerchantSignature.responseMessage(ts, nonce, r.body().getBytes(StandardCharsets.UTF_8)), signature);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String nonce() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
