package com.aggpay.sdk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys from PEM text: the merchant's private key ({@code BEGIN PRIVATE KEY}, PKCS#8, e.g. from
 * {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048}) and the platform's public key
 * ({@code BEGIN PUBLIC KEY}, as the portal and {@code GET /api/v1/platform/public-key} show it).
 */
public final class Pem {

    private Pem() {
    }

    public static PrivateKey rsaPrivateKey(String pem) {
        if (pem != null && pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("a PKCS#1 key (BEGIN RSA PRIVATE KEY): convert it to PKCS#8 "
                    + "(BEGIN PRIVATE KEY) with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key (BEGIN PRIVATE KEY)", e);
        }
    }

    public static PublicKey rsaPublicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key (BEGIN PUBLIC KEY)", e);
        }
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem == null ? -1 : pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("expected PEM text between " + begin + " and " + end);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
