package com.aggpay.router.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** signMethod 01 checked against the openssl CLI, an implementation that shares nothing with ours. */
class UpSignatureTest {

    private static final String CERT_ID = "69042905377";

    @TempDir
    static Path dir;
    private static PrivateKey privateKey;
    private static PublicKey publicKey;

    @BeforeAll
    static void keys() throws Exception {
        assumeTrue(openSslAvailable(), "openssl CLI not installed");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "private.pem");
        openssl("pkey", "-in", "private.pem", "-pubout", "-out", "public.pem");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der("private.pem")));
        publicKey = rsa.generatePublic(new X509EncodedKeySpec(der("public.pem")));
    }

    @Test
    void the_signed_text_is_every_field_but_the_signature_sorted_by_name() {
        assertThat(UpSignature.content(fields())).isEqualTo("certId=" + CERT_ID + "&merId=777290058110001"
                + "&orderId=UP2026112600000101&reserved={a=1&b=2}&respMsg=成功[0000000]&txnAmt=1234&version=5.1.0");
    }

    @Test
    void the_digest_and_signature_equal_what_openssl_computes_over_the_same_text() throws Exception {
        Map<String, String> fields = fields();
        Files.writeString(dir.resolve("content.txt"), UpSignature.content(fields), StandardCharsets.UTF_8);
        String opensslHex = openssl("dgst", "-sha256", "-r", "content.txt").split(" ")[0].trim();
        assertThat(UpSignature.digestHex(UpSignature.content(fields))).isEqualTo(opensslHex);

        // SHA256withRSA over the hex string's bytes; PKCS#1 v1.5 is deterministic, so the signatures are equal
        Files.writeString(dir.resolve("hex.txt"), opensslHex, StandardCharsets.US_ASCII);
        openssl("dgst", "-sha256", "-sign", "private.pem", "-out", "sig.bin", "hex.txt");
        String opensslSignature = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig.bin")));
        assertThat(UpSignature.sign(privateKey, fields)).isEqualTo(opensslSignature);
    }

    @Test
    void a_signature_verifies_only_with_the_expected_cert_id_and_untouched_fields() {
        Map<String, String> signed = new LinkedHashMap<>(fields());
        signed.put("signature", UpSignature.sign(privateKey, signed));
        assertThat(UpSignature.verify(publicKey, CERT_ID, signed)).isTrue();
        assertThat(UpSignature.verify(publicKey, "69042905378", signed)).isFalse();

        Map<String, String> tampered = new LinkedHashMap<>(signed);
        tampered.put("txnAmt", "1");
        assertThat(UpSignature.verify(publicKey, CERT_ID, tampered)).isFalse();

        Map<String, String> garbled = new LinkedHashMap<>(signed);
        garbled.put("signature", "not base64!");
        assertThat(UpSignature.verify(publicKey, CERT_ID, garbled)).isFalse();

        Map<String, String> unsigned = new LinkedHashMap<>(fields());
        assertThat(UpSignature.verify(publicKey, CERT_ID, unsigned)).isFalse();
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("txnAmt", "1234");
        f.put("merId", "777290058110001");
        f.put("respMsg", "成功[0000000]");
        f.put("reserved", "{a=1&b=2}");
        f.put("orderId", "UP2026112600000101");
        f.put("certId", CERT_ID);
        return f;
    }

    private static byte[] der(String file) throws IOException {
        String pem = Files.readString(dir.resolve(file));
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static boolean openSslAvailable() {
        try {
            return openssl("version").startsWith("OpenSSL");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String openssl(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
