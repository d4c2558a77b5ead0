package com.aggpay.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerchantSignatureTest {

    private static final String SECRET = "demo-app-secret-0123456789abcdef";
    private static final byte[] BODY = "{\"mch_order_no\":\"A1\",\"amount\":1234,\"subject\":\"拿铁\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void request_message_follows_the_documented_layout() {
        byte[] message = MerchantSignature.requestMessage("POST", "/api/v1/pay/orders", "1764130000", "n1", BODY);
        assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(
                "POST\n/api/v1/pay/orders\n1764130000\nn1\n" + new String(BODY, StandardCharsets.UTF_8) + "\n");
    }

    @Test
    void hmac_signature_matches_openssl() throws Exception {
        byte[] message = MerchantSignature.requestMessage("POST", "/api/v1/pay/orders", "1764130000", "n1", BODY);
        byte[] raw = OpenSsl.run(message, "openssl", "dgst", "-sha256", "-hmac", SECRET, "-binary");

        assertThat(MerchantSignature.hmacSha256Base64(SECRET, message))
                .isEqualTo(Base64.getEncoder().encodeToString(raw));
    }

    @Test
    void hmac_verification_rejects_a_tampered_body_and_garbage() {
        byte[] message = MerchantSignature.requestMessage("GET", "/api/v1/pay/orders/po_1", "1", "n", new byte[0]);
        String signature = MerchantSignature.hmacSha256Base64(SECRET, message);
        byte[] tampered = MerchantSignature.requestMessage("GET", "/api/v1/pay/orders/po_2", "1", "n", new byte[0]);

        assertThat(MerchantSignature.verifyHmac(SECRET, message, signature)).isTrue();
        assertThat(MerchantSignature.verifyHmac(SECRET, tampered, signature)).isFalse();
        assertThat(MerchantSignature.verifyHmac("other-secret", message, signature)).isFalse();
        assertThat(MerchantSignature.verifyHmac(SECRET, message, "%%not-base64%%")).isFalse();
        assertThat(MerchantSignature.verifyHmac(SECRET, message, null)).isFalse();
    }

    @Test
    void rsa_signature_made_by_openssl_verifies(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        byte[] message = MerchantSignature.requestMessage("POST", "/api/v1/pay/orders", "1764130000", "n1", BODY);
        byte[] raw = OpenSsl.run(message, "openssl", "dgst", "-sha256", "-sign", key.toString());
        String signature = Base64.getEncoder().encodeToString(raw);

        assertThat(MerchantSignature.verifyRsa(pair.getPublic(), message, signature)).isTrue();
        assertThat(MerchantSignature.rsaSha256Base64(pair.getPrivate(), message)).isEqualTo(signature);
        assertThat(MerchantSignature.verifyRsa(pair.getPublic(), "x".getBytes(), signature)).isFalse();
    }

    @Test
    void authorization_header_round_trips_and_rejects_unknown_schemes() {
        String header = MerchantSignature.authorization(MerchantSignature.HMAC_SCHEME, "demo-app", "1764130000",
                "8f1c2a9d0b7e4f36", "c2lnbg==");

        assertThat(AuthorizationHeader.parse(header)).contains(new AuthorizationHeader(
                MerchantSignature.HMAC_SCHEME, "demo-app", "1764130000", "8f1c2a9d0b7e4f36", "c2lnbg=="));
        assertThat(AuthorizationHeader.parse("Bearer abc")).isEmpty();
        assertThat(AuthorizationHeader.parse("AGGPAY-HMAC-SHA256 app_id=\"a\",timestamp=\"1\"")).isEmpty();
        assertThat(AuthorizationHeader.parse(null)).isEmpty();
    }
}
