package com.aggpay.simulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_256_GCM as WeChat Pay v3 uses it for notification resources: key = the 32 ASCII bytes of the APIv3 key,
 * IV = the 12 ASCII bytes of the nonce, Base64(ciphertext || 16-byte tag).
 */
public final class AesGcm {

    private AesGcm() {
    }

    public static String encrypt(String apiV3Key, String nonce, String associatedData, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.US_ASCII), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.US_ASCII)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }
}
