package com.aggpay.gateway.platformkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformKeyConfigurationTest {

    private static final KeyPair KEYS = rsa(2048);

    @Test
    void a_pkcs8_pem_gives_the_key_and_its_public_half() {
        PlatformKey key = PlatformKeyConfiguration.load(properties(pem(KEYS), null, false));

        assertThat(key.keyId()).isEqualTo("platform-1");
        assertThat(key.privateKey().getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
        assertThat(key.publicKey().getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
        assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded()));
    }

    @Test
    void the_key_file_is_read_when_no_pem_text_is_given(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("platform-private.pem");
        Files.writeString(file, pem(KEYS));

        PlatformKey key = PlatformKeyConfiguration.load(properties(null, file.toString(), false));

        assertThat(key.publicKey().getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
    }

    @Test
    void without_a_key_a_production_shaped_start_is_refused() {
        assertThatThrownBy(() -> PlatformKeyConfiguration.load(properties(null, null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AGGPAY_PLATFORM_PRIVATE_KEY");
    }

    @Test
    void a_configured_key_file_that_is_missing_is_refused_outside_local_mode(@TempDir Path dir) {
        String missing = dir.resolve("nope.pem").toString();

        assertThatThrownBy(() -> PlatformKeyConfiguration.load(properties(null, missing, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing);
    }

    @Test
    void local_mode_without_a_key_file_makes_a_key_for_the_run() {
        PlatformKey key = PlatformKeyConfiguration.load(properties(null, "/nonexistent/platform-private.pem", true));

        assertThat(key.publicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void a_key_that_is_not_pkcs8_rsa_or_too_short_is_refused_without_echoing_it() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PlatformKeyConfiguration.load(properties(garbage, null, true)))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("bm90IGEga2V5");
        assertThatThrownBy(() -> PlatformKeyConfiguration.load(properties(pem(rsa(1024)), null, true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2048");
    }

    private static PlatformKeyProperties properties(String pem, String file, boolean generateIfMissing) {
        return new PlatformKeyProperties("platform-1", pem, file, generateIfMissing);
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
