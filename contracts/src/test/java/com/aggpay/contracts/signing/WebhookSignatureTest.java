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
}
