package com.aggpay.contracts.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of secrets at rest (merchant keys, channel credentials, settlement accounts): AES-256-GCM with a
 * 96-bit random IV. The stored form is {@code v1:<key id>:<base64(iv || ciphertext || tag)>}; the key id lets keys
 * rotate: new values are sealed with the current key, old values still open with the key they name.
 * Keys come from the environment, never from the code or the database.
 */
public final class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    /** @param keysBase64 key id → Base64 of a 32-byte key; must contain {@code currentKeyId} */
    public SecretBox(String currentKeyId, Map<String, String> keysBase64) {
        if (!keysBase64.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key with the current key id '" + currentKeyId + "'");
        }
        this.currentKeyId = currentKeyId;
        this.keys = keysBase64.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> toKey(e.getKey(), e.getValue())));
    }

    public String seal(String plaintext) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(128, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return "v1:" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String open(String sealed) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("no key for key id '" + parts[1] + "'");
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret failed authentication", e);
        }
    }

    /** True when the value was sealed with an older key and should be sealed again. */
    public boolean needsRotation(String sealed) {
        return !sealed.startsWith("v1:" + currentKeyId + ":");
    }

    private static SecretKeySpec toKey(String id, String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length != 32) {
            throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (AES-256), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
