package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.MerchantSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real gateway on a random port, real Redis, and the stubs of {@link StubServices} wired in through
 * Spring Cloud simple discovery. Requests go over real HTTP so the signed bytes are the bytes on the wire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class GatewayITSupport {

    static final StubServices STUBS = StubServices.INSTANCE;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The platform's RSA key for this run, handed to the gateway as PEM text (AGGPAY_PLATFORM_PRIVATE_KEY). */
    static final KeyPair PLATFORM_KEYS = StubServices.rsaKeys();
    static final String PLATFORM_KEY_ID = "platform-it";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wireStubs(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "merchant-service[0].uri", STUBS::merchantServiceUrl);
        registry.add(instances + "order-service[0].uri", STUBS::orderServiceUrl);
        registry.add(instances + "channel-router-service[0].uri", STUBS::routerUrl);
        registry.add(instances + "notify-service[0].uri", STUBS::notifyUrl);
        registry.add("aggpay.platform-key.key-id", () -> PLATFORM_KEY_ID);
        registry.add("aggpay.platform-key.private-key", () -> "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PLATFORM_KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    /** Redis is shared with other runs and engineers: every nonce is new. */
    static String freshNonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    HttpRequest.Builder hmacSigned(String appId, String secret, String method, String pathAndQuery, byte[] body,
                                   String timestamp, String nonce) {
        String signature = MerchantSignature.hmacSha256Base64(secret,
                MerchantSignature.requestMessage(method, pathAndQuery, timestamp, nonce, body));
        return request(method, pathAndQuery, body).header("Authorization",
                MerchantSignature.authorization(MerchantSignature.HMAC_SCHEME, appId, timestamp, nonce, signature));
    }

    HttpRequest.Builder hmacSigned(String method, String pathAndQuery, byte[] body) {
        return hmacSigned(StubServices.HMAC_APP, StubServices.HMAC_SECRET, method, pathAndQuery, body, now(), freshNonce());
    }

    HttpRequest.Builder rsaSigned(String appId, PrivateKey key, String method, String pathAndQuery, byte[] body) {
        String timestamp = now();
        String nonce = freshNonce();
        String signature = MerchantSignature.rsaSha256Base64(key,
                MerchantSignature.requestMessage(method, pathAndQuery, timestamp, nonce, body));
        return request(method, pathAndQuery, body).header("Authorization",
                MerchantSignature.authorization(MerchantSignature.RSA_SCHEME, appId, timestamp, nonce, signature));
    }

    HttpRequest.Builder request(String method, String pathAndQuery, byte[] body) {
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).method(method, publisher);
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The platform's answer signature, checked the way a merchant would check it. */
    static void assertSignedBy(String secret, HttpResponse<byte[]> response) {
        String timestamp = response.headers().firstValue("Aggpay-Timestamp").orElseThrow();
        String nonce = response.headers().firstValue("Aggpay-Nonce").orElseThrow();
        String signature = response.headers().firstValue("Aggpay-Signature").orElseThrow();
        assertThat(nonce).matches("[0-9a-f]{16}");
        assertThat(MerchantSignature.verifyHmac(secret,
                MerchantSignature.responseMessage(timestamp, nonce, response.body()), signature))
                .as("response signature verifies").isTrue();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }

    /** An answer to an RSA-signed request: SHA256withRSA by the platform key, checked with its public half. */
    static void assertSignedByPlatform(PublicKey platformKey, HttpResponse<byte[]> response) {
        assertThat(MerchantSignature.verifyRsa(platformKey, responseMessage(response), signature(response)))
                .as("response signature verifies with the platform key").isTrue();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }

    static byte[] responseMessage(HttpResponse<byte[]> response) {
        return MerchantSignature.responseMessage(response.headers().firstValue("Aggpay-Timestamp").orElseThrow(),
                response.headers().firstValue("Aggpay-Nonce").orElseThrow(), response.body());
    }

    static String signature(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Aggpay-Signature").orElseThrow();
    }

    static void assertNotSigned(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Aggpay-Signature")).isEmpty();
    }

    /** RFC 9457 body with our members; returns it for further checks. */
    static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.has("param")).isFalse();
        assertThat(problem.get("request_id").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }
}
