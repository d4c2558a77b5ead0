package com.aggpay.router.channel.unionpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * UnionPay signMethod 01 (CHANNELS.md): every field but {@code signature}, sorted by name, {@code k=v&…}; its
 * SHA-256 as a lowercase hex string; SHA256withRSA over that hex string's bytes; Base64.
 */
final class UpSignature {

    private UpSignature() {
    }

    static String content(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!"signature".equals(name)) {
                s.append(s.isEmpty() ? "" : "&").append(name).append('=').append(value == null ? "" : value);
            }
        });
        return s.toString();
    }

    static String digestHex(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(PrivateKey key, Map<String, String> fields) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(digestHex(content(fields)).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("UnionPay signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** True only when the certId is UnionPay's expected one and the signature holds; false for anything malformed. */
    static boolean verify(PublicKey key, String expectedCertId, Map<String, String> fields) {
        String certId = fields.get("certId");
        String signature = fields.get("signature");
        if (certId == null || signature == null || signature.isEmpty() || !MessageDigest.isEqual(
                certId.getBytes(StandardCharsets.UTF_8), expectedCertId.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(digestHex(content(fields)).getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
