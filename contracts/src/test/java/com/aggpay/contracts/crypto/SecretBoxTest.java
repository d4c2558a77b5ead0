package com.aggpay.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void a_sealed_secret_opens_to_itself_and_never_shows_the_plaintext() {
        SecretBox box = new SecretBox("k1", Map.of("k1", K1));
        String sealed = box.seal("demo-app-secret-0123456789abcdef");

        assertThat(sealed).startsWith("v1:k1:").doesNotContain("demo-app-secret");
        assertThat(box.open(sealed)).isEqualTo("demo-app-secret-0123456789abcdef");
        assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
    }

    @Test
    void after_rotation_old_values_still_open_and_are_flagged_for_resealing() {
        String old = new SecretBox("k1", Map.of("k1", K1)).seal("s");
        SecretBox rotated = new SecretBox("k2", Map.of("k1", K1, "k2", K2));

        assertThat(rotated.open(old)).isEqualTo("s");
        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.needsRotation(rotated.seal("s"))).isFalse();
    }

    @Test
    void a_tampered_value_is_refused() {
        SecretBox box = new SecretBox("k1", Map.of("k1", K1));
        String sealed = box.seal("secret");
        // a character well inside the ciphertext: the last ones before the padding may carry only unused bits
        int at = "v1:k1:".length() + 20;
        char c = sealed.charAt(at);
        String tampered = sealed.substring(0, at) + (c == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox("k1", Map.of("k1", "c2hvcnQ="))).isInstanceOf(IllegalArgumentException.class);
    }
}
