package com.aggpay.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void keys_are_read_from_pem_text_as_openssl_writes_it() throws Exception {
        KeyPair pair = Crypto.rsaKeyPair();
        String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());

        assertThat(Pem.rsaPrivateKey(privatePem)).isEqualTo(pair.getPrivate());
        assertThat(Pem.rsaPublicKey(publicPem)).isEqualTo(pair.getPublic());
    }

    @Test
    void a_pkcs1_private_key_is_refused_with_the_conversion_to_make() {
        assertThatThrownBy(() -> Pem.rsaPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8 -topk8");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
