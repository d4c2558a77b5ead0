package com.aggpay.gateway.platformkey;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The platform's RSA key pair: the private half signs answers to requests signed with
 * {@code AGGPAY-SHA256-RSA2048} (API.md), the public half is served at {@code GET /api/v1/platform/public-key}.
 */
public record PlatformKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    public static final String ALGORITHM = "SHA256withRSA";

    /** X.509 SubjectPublicKeyInfo, PEM "PUBLIC KEY": the form merchants upload their own keys in. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Keeps the private key out of any log line that prints this record. */
    @Override
    public String toString() {
        return "PlatformKey[keyId=" + keyId + ", privateKey=<redacted>]";
    }
}
