package com.aggpay.simulator.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SHA256withRSA and PEM reading, checked against the openssl CLI in both directions. */
class RsaTest {

    private static final String MESSAGE = "POST\n/v3/pay/transactions/native\n1764130000\nNONCE\n{\"a\":\"支付\"}\n";

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws Exception {
        assumeTrue(OpenSsl.available(), "openssl CLI not installed");
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "private.pem");
        OpenSsl.run(dir, "pkey", "-in", "private.pem", "-pubout", "-out", "public.pem");
        Files.writeString(dir.resolve("message.txt"), MESSAGE, StandardCharsets.UTF_8);
    }

    @Test
    void openssl_verifies_what_we_sign() throws Exception {
        String signature = Rsa.sign(Pem.privateKey(Files.readString(dir.resolve("private.pem"))), MESSAGE);
        Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(signature));
        assertThat(OpenSsl.run(dir, "dgst", "-sha256", "-verify", "public.pem", "-signature", "sig.bin", "message.txt"))
                .contains("Verified OK");
    }

    @Test
    void we_verify_what_openssl_signs_and_nothing_else() throws Exception {
        OpenSsl.run(dir, "dgst", "-sha256", "-sign", "private.pem", "-out", "openssl.sig", "message.txt");
        String signature = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("openssl.sig")));
        var publicKey = Pem.publicKey(Files.readString(dir.resolve("public.pem")));
        assertThat(Rsa.verify(publicKey, MESSAGE, signature)).isTrue();
        assertThat(Rsa.verify(publicKey, MESSAGE.replace("支付", "支frag"), signature)).isFalse();
        assertThat(Rsa.verify(publicKey, MESSAGE, "not-base64!")).isFalse();
        assertThat(Rsa.verify(publicKey, MESSAGE, null)).isFalse();
    }
}
