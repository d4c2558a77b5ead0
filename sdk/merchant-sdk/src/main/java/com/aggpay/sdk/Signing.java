package com.aggpay.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The byte layouts the platform signs and checks (API.md, "Authentication" and "Webhooks to merchants"), kept in one
 * place so a request, an answer and a webhook cannot drift apart, plus the few primitives they share.
 */
public final class Signing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signing() {
    }

    /** {@code METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n}, BODY being the exact bytes sent (empty for GET). */
    public static byte[] requestMessage(String method, String pathAndQuery, String timestamp, String nonce,
                                        byte[] body) {
        return concat((method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"), body, "\n");
    }

    /** {@code TIMESTAMP\nNONCE\nBODY\n}: what the platform signs on every answer to a signed request. */
    public static byte[] answerMessage(String timestamp, String nonce, byte[] body) {
        return concat(timestamp + "\n" + nonce + "\n", body, "\n");
    }

    /** 16 lowercase hex characters from a secure random source: a nonce the platform has never seen. */
    public static String newNonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] concat(String head, byte[] body, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] b = body == null ? new byte[0] : body;
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + b.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        System.arraycopy(t, 0, out, h.length + b.length, t.length);
        return out;
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Decodes then compares in constant time, so neither a bad encoding nor a near miss leaks through timing. */
    static boolean base64Equals(byte[] expected, String givenBase64) {
        byte[] given = decodeBase64OrNull(givenBase64);
        return given != null && MessageDigest.isEqual(expected, given);
    }

    static byte[] decodeBase64OrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
