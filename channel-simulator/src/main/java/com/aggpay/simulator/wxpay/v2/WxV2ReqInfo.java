package com.aggpay.simulator.wxpay.v2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code req_info} of a v2 refund notification: Base64(AES-256-ECB, PKCS#7 padding) whose key is the 32 ASCII
 * characters of the lower-case hex MD5 of the API key. (Java's "PKCS5Padding" is PKCS#7 for 16-byte blocks.)
 */
final class WxV2ReqInfo {

    private WxV2ReqInfo() {
    }

    static String encrypt(String apiKey, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(apiKey), "AES"));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("req_info encryption failed", e);
        }
    }

    static byte[] key(String apiKey) throws GeneralSecurityException {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII);
    }
}
