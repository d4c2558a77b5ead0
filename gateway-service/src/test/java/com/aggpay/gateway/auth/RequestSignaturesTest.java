package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.AuthorizationHeader;
import com.aggpay.contracts.signing.MerchantSignature;
import com.aggpay.gateway.app.MerchantAppInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestSignaturesTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_764_130_000L);
    private static final Duration SKEW = Duration.ofSeconds(300);

    @Test
    void a_timestamp_exactly_300_seconds_away_is_accepted_and_301_is_not() {
        assertThat(RequestSignatures.withinClockSkew("1764129700", NOW, SKEW)).isTrue();
        assertThat(RequestSignatures.withinClockSkew("1764130300", NOW, SKEW)).isTrue();
        assertThat(RequestSignatures.withinClockSkew("1764129699", NOW, SKEW)).isFalse();
        assertThat(RequestSignatures.withinClockSkew("1764130301", NOW, SKEW)).isFalse();
    }

    @Test
    void headers_with_unsafe_fields_count_as_malformed() {
        assertThat(RequestSignatures.parse(header("demo-app", "1764130000", "8f1c2a9d0b7e4f36"))).isPresent();
        assertThat(RequestSignatures.parse(header("../admin", "1764130000", "n1"))).isEmpty();
        assertThat(RequestSignatures.parse(header("demo-app", "soon", "n1"))).isEmpty();
        assertThat(RequestSignatures.parse(header("demo-app", "1764130000", "has space"))).isEmpty();
        assertThat(RequestSignatures.parse("Bearer abc")).isEmpty();
        assertThat(RequestSignatures.parse(null)).isEmpty();
    }

    @Test
    void an_rsa_signature_verifies_only_with_the_uploaded_public_key() {
        var keys = StubServices.rsaKeys();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        byte[] message = MerchantSignature.requestMessage("GET", "/api/v1/pay/orders/po_1", "1764130000", "n1", new byte[0]);
        var auth = new AuthorizationHeader(MerchantSignature.RSA_SCHEME, "a", "1764130000", "n1",
                MerchantSignature.rsaSha256Base64(keys.getPrivate(), message));

        assertThat(RequestSignatures.verify(auth, app(pem), message)).isTrue();
        assertThat(RequestSignatures.verify(auth, app(null), message)).isFalse();
        assertThat(RequestSignatures.verify(auth, app("not a key"), message)).isFalse();
    }

    @Test
    void after_a_rotation_the_previous_secret_verifies_until_its_grace_period_ends_and_the_new_one_at_once() {
        byte[] message = MerchantSignature.requestMessage("POST", "/api/v1/pay/orders", "1764130000", "n2",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var withOld = new AuthorizationHeader(MerchantSignature.HMAC_SCHEME, "a", "1764130000", "n2",
                MerchantSignature.hmacSha256Base64("old-secret", message));
        var withNew = new AuthorizationHeader(MerchantSignature.HMAC_SCHEME, "a", "1764130000", "n2",
                MerchantSignature.hmacSha256Base64("new-secret", message));
        var withOther = new AuthorizationHeader(MerchantSignature.HMAC_SCHEME, "a", "1764130000", "n2",
                MerchantSignature.hmacSha256Base64("someone-else", message));
        Instant graceEnd = NOW.plus(Duration.ofHours(24));
        var rotated = new MerchantAppInfo("a", "M1", "APPROVED", "ACTIVE", "new-secret", "old-secret", graceEnd, "wh",
                null, null, null);

        assertThat(RequestSignatures.signer(withNew, rotated, message, NOW))
                .isEqualTo(RequestSignatures.Signer.CURRENT_KEY);
        assertThat(RequestSignatures.signer(withOld, rotated, message, NOW))
                .isEqualTo(RequestSignatures.Signer.PREVIOUS_SECRET);
        assertThat(RequestSignatures.signer(withOld, rotated, message, graceEnd.minusSeconds(1)))
                .isEqualTo(RequestSignatures.Signer.PREVIOUS_SECRET);
        assertThat(RequestSignatures.signer(withOld, rotated, message, graceEnd))
                .isEqualTo(RequestSignatures.Signer.NONE);
        assertThat(RequestSignatures.signer(withOther, rotated, message, NOW))
                .isEqualTo(RequestSignatures.Signer.NONE);
    }

    @Test
    void path_and_query_keep_their_wire_encoding() {
        assertThat(MerchantAuthFilter.pathAndQuery(URI.create("http://h/api/v1/pay/orders?mch_order_no=A%201&x=y")))
                .isEqualTo("/api/v1/pay/orders?mch_order_no=A%201&x=y");
        assertThat(MerchantAuthFilter.pathAndQuery(URI.create("http://h/api/v1/refunds/rf_1")))
                .isEqualTo("/api/v1/refunds/rf_1");
    }

    private static String header(String appId, String timestamp, String nonce) {
        return MerchantSignature.authorization(MerchantSignature.HMAC_SCHEME, appId, timestamp, nonce, "c2ln");
    }

    private static MerchantAppInfo app(String rsaPublicKey) {
        return new MerchantAppInfo("a", "M1", "APPROVED", "ACTIVE", "secret", null, null, "wh", null, rsaPublicKey, null);
    }
}
