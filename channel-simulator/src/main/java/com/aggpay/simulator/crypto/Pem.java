package com.aggpay.simulator.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Iterator;

/**
 * Reads the PEM files of the local key layout (PKCS#8 private keys, X.509 SubjectPublicKeyInfo public keys), line by
 * line as RFC 7468 lays them out: the first block with the wanted label, its Base64 lines up to the matching END.
 */
public final class Pem {

    private Pem() {
    }

    public static PrivateKey privateKey(String pem) {
        byte[] pkcs8 = block(pem, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA PKCS#8 private key", e);
        }
    }

    public static PublicKey publicKey(String pem) {
        byte[] spki = block(pem, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key", e);
        }
    }

    private static byte[] block(String pem, String label) {
        Iterator<String> lines = pem.lines().map(String::strip).iterator();
        while (lines.hasNext()) {
            if (!lines.next().equals("-----BEGIN " + label + "-----")) {
                continue;
            }
            StringBuilder base64 = new StringBuilder();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.equals("-----END " + label + "-----")) {
                    try {
                        return Base64.getDecoder().decode(base64.toString());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("PEM block '" + label + "' is not Base64");
                    }
                }
                if (line.startsWith("-----")) {
                    break;
                }
                base64.append(line);
            }
            throw new IllegalArgumentException("PEM block '" + label + "' has no END line");
        }
        throw new IllegalArgumentException("PEM block '" + label + "' not found");
    }
}
