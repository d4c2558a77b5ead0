package com.aggpay.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The merchant API's signatures (API.md, "Authentication"): what a merchant signs on a request and what the
 * platform signs on every answer. Both sides of the wire use this class, so the message layout lives only here.
 */
public final class MerchantSignature {

    public static final String HMAC_SCHEME = "AGGPAY-HMAC-SHA256";
    public static final String RSA_SCHEME = "AGGPAY-SHA256-RSA2048";

    private MerchantSignature() {
    }

    /** {@code METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n}, BODY being the exact bytes sent. */
    public static byte[] requestMessage(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        return concat(method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n", body);
    }

    /** {@code TIMESTAMP\nNONCE\nBODY\n}: what the platform signs on each answer. */
    public static byte[] responseMessage(String timestamp, String nonce, byte[] body) {
        return concat(timestamp + "\n" + nonce + "\n", body);
    }

    public static String hmacSha256Base64(String secret, byte[] message) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, message));
    }

    public static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static String rsaSha256Base64(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key", e);
        }
    }

    public static boolean verifyHmac(String secret, byte[] message, String signatureBase64) {
        byte[] given = decodeOrNull(signatureBase64);
        return given != null && MessageDigest.isEqual(hmacSha256(secret, message), given);
    }

    public static boolean verifyRsa(PublicKey key, byte[] message, String signatureBase64) {
        byte[] given = decodeOrNull(signatureBase64);
        if (given == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(given);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The {@code Authorization} header value a merchant sends. */
    public static String authorization(String scheme, String appId, String timestamp, String nonce, String signature) {
        return scheme + " app_id=\"" + appId + "\",timestamp=\"" + timestamp + "\",nonce=\"" + nonce
                + "\",signature=\"" + signature + "\"";
    }

    private static byte[] decodeOrNull(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] b = body == null ? new byte[0] : body;
        byte[] out = new byte[h.length + b.length + 1];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        out[out.length - 1] = '\n';
        return out;
    }
}
