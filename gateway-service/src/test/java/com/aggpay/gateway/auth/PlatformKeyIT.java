package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.MerchantSignature;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlatformKeyIT extends GatewayITSupport {

    private static final String PUBLIC_KEY = "/api/v1/platform/public-key";

    @Test
    void the_platform_public_key_is_served_without_authentication() {
        HttpResponse<byte[]> response = send(request("GET", PUBLIC_KEY, new byte[0]));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode key = JsonMapper.shared().readTree(response.body());
        assertThat(key.get("key_id").asString()).isEqualTo(PLATFORM_KEY_ID);
        assertThat(key.get("algorithm").asString()).isEqualTo("SHA256withRSA");
        assertThat(servedKey().getEncoded()).isEqualTo(PLATFORM_KEYS.getPublic().getEncoded());
        assertNotSigned(response);
    }

    @Test
    void an_rsa_apps_answer_verifies_with_the_served_platform_key_and_not_with_its_hmac_secret() {
        byte[] body = utf8("{\"mch_order_no\":\"" + freshNonce() + "\"}");

        HttpResponse<byte[]> response = send(rsaSigned(StubServices.RSA_APP, STUBS.merchantRsaKeys.getPrivate(),
                "POST", "/api/v1/pay/orders", body));

        assertThat(response.statusCode()).isEqualTo(201);
        assertSignedByPlatform(servedKey(), response);
        assertThat(MerchantSignature.verifyHmac(StubServices.RSA_APP_SECRET, responseMessage(response),
                signature(response))).isFalse();
    }

    @Test
    void an_rsa_apps_rejection_is_signed_with_the_platform_key_too() {
        String stale = Long.toString(Instant.now().getEpochSecond() - 600);
        String nonce = freshNonce();
        String signature = MerchantSignature.rsaSha256Base64(STUBS.merchantRsaKeys.getPrivate(),
                MerchantSignature.requestMessage("GET", "/api/v1/refunds/rf_1", stale, nonce, new byte[0]));

        HttpResponse<byte[]> response = send(request("GET", "/api/v1/refunds/rf_1", new byte[0]).header("Authorization",
                MerchantSignature.authorization(MerchantSignature.RSA_SCHEME, StubServices.RSA_APP, stale, nonce, signature)));

        assertProblem(response, 401, "TIMESTAMP_EXPIRED");
        assertSignedByPlatform(servedKey(), response);
    }

    @Test
    void the_same_app_signing_with_hmac_is_answered_with_its_hmac_secret() {
        HttpResponse<byte[]> response = send(hmacSigned(StubServices.RSA_APP, StubServices.RSA_APP_SECRET, "GET",
                "/api/v1/refunds/rf_" + freshNonce(), new byte[0], now(), freshNonce()));

        assertThat(response.statusCode()).isEqualTo(201);
        assertSignedBy(StubServices.RSA_APP_SECRET, response);
    }

    private PublicKey servedKey() {
        JsonNode key = JsonMapper.shared().readTree(send(request("GET", PUBLIC_KEY, new byte[0])).body());
        return RequestSignatures.publicKey(key.get("public_key_pem").asString()).orElseThrow();
    }
}
