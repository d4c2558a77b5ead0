package com.aggpay.simulator.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AesGcmTest {

    /** Computed independently with Python's {@code cryptography} AESGCM (key, nonce and AAD as ASCII bytes). */
    private static final String EXPECTED = "vEKBieFhZE3y3Yg3F+vPNx1j14IpypQXfECRG5mhOC6KDpYugtx+d3wU2gNkrlrfXiZVR7Bi"
            + "wDLnXF+taxqKBc+GNIN7ERkg2MqR4HMldBELVe26DvIhibrZMbZ8vMYVjOIPIg==";

    @Test
    void encrypts_like_an_independent_aes_256_gcm_implementation() {
        String plaintext = "{\"out_trade_no\":\"T1\",\"amount\":{\"total\":1234,\"currency\":\"CNY\"},\"note\":\"支付成功\"}";
        assertThat(AesGcm.encrypt("0123456789abcdefghijklmnopqrstuv", "abcdefghijkl", "transaction", plaintext))
                .isEqualTo(EXPECTED);
    }
}
