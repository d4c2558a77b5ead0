package com.aggpay.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "demo-webhook-secret-0123456789ab";
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1764130000), ZoneOffset.UTC);

    @Test
    void v1_is_the_hex_hmac_of_timestamp_dot_body_as_openssl_computes_it() throws Exception {
        byte[] message = ("1764130000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String hex = new String(OpenSsl.run(message, "openssl", "dgst", "-sha256", "-hmac", SECRET, "-r"))
                .split(" ")[0].trim();

        assertThat(WebhookSignature.header(SECRET, 1764130000L, BODY)).isEqualTo("t=1764130000,v1=" + hex);
    }

    @Test
    void a_receiver_accepts_a_fresh_signature_and_refuses_old_or_tampered_ones() {
        String header = WebhookSignature.header(SECRET, 1764130000L, BODY);
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, CLOCK, tolerance)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, "{}".getBytes(), CLOCK, tolerance)).isFalse();
        assertThat(WebhookSignature.verify("wrong", header, BODY, CLOCK, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY,
                Clock.offset(CLOCK, Duration.ofMinutes(6)), tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, CLOCK, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, CLOCK, tolerance)).isFalse();
    }

    @Test
    void the_standard_webhooks_form_matches_the_specifications_own_test_vector() {
        // standard-webhooks/standard-webhooks, spec test vector: key whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
        byte[] key = java.util.Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] payload = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.standard(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, payload))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_standard_signature_verifies_within_tolerance_among_several_and_not_when_tampered() {
        String signature = WebhookSignature.standard(SECRET, "evt_1", 1764130000, BODY);

        assertThat(WebhookSignature.verifyStandard(SECRET, "evt_1", "1764130000", "v1,bm90LWl0 " + signature, BODY,
                CLOCK, Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verifyStandard(SECRET, "evt_2", "1764130000", signature, BODY, CLOCK,
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verifyStandard(SECRET, "evt_1", "1764130000", signature,
                "{}".getBytes(StandardCharsets.UTF_8), CLOCK, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verifyStandard(SECRET, "evt_1", "1764120000", WebhookSignature.standard(SECRET,
                "evt_1", 1764120000, BODY), BODY, CLOCK, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verifyStandard(SECRET, "evt_1", "soon", signature, BODY, CLOCK,
                Duration.ofMinutes(5))).isFalse();
    }
}
