package com.aggpay.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * An app's keys as API.md pairs them: a request signed with the HMAC secret is answered with the same secret; a
 * request signed with the merchant's RSA key is answered with the platform's RSA key, checked with its public half.
 */
public sealed interface Credentials permits Credentials.Hmac, Credentials.Rsa {

    String HMAC_SCHEME = "AGGPAY-HMAC-SHA256";
    String RSA_SCHEME = "AGGPAY-SHA256-RSA2048";

    String appId();

    /** The scheme named in the {@code Authorization} header. */
    String scheme();

    /** Base64 signature of a request message (see {@link Signing#requestMessage}). */
    String signature(byte[] requestMessage);

    /** Whether {@code signatureBase64} over an answer message (see {@link Signing#answerMessage}) is the platform's. */
    boolean isPlatformSignature(byte[] answerMessage, String signatureBase64);

    static Credentials hmac(String appId, String secret) {
        return new Hmac(appId, secret);
    }

    static Credentials rsa(String appId, PrivateKey merchantKey, PublicKey platformKey) {
        return new Rsa(appId, merchantKey, platformKey);
    }

    /** A request signed with the given timestamp and nonce; {@link AggPayClient#sign} picks fresh ones. */
    default SignedRequest sign(String method, String pathAndQuery, byte[] body, long unixSeconds, String nonce) {
        String timestamp = Long.toString(unixSeconds);
        byte[] sent = body == null ? new byte[0] : body.clone();
        String signature = signature(Signing.requestMessage(method, pathAndQuery, timestamp, nonce, sent));
        String authorization = scheme() + " app_id=\"" + appId() + "\",timestamp=\"" + timestamp + "\",nonce=\""
                + nonce + "\",signature=\"" + signature + "\"";
        return new SignedRequest(method, pathAndQuery, sent, timestamp, nonce, authorization);
    }

    record Hmac(String appId, String secret) implements Credentials {

        public Hmac {
            requireText(appId, "appId");
            requireText(secret, "the HMAC secret");
        }

        @Override
        public String scheme() {
            return HMAC_SCHEME;
        }

        @Override
        public String signature(byte[] requestMessage) {
            return Base64.getEncoder().encodeToString(mac(requestMessage));
        }

        @Override
        public boolean isPlatformSignature(byte[] answerMessage, String signatureBase64) {
            return Signing.base64Equals(mac(answerMessage), signatureBase64);
        }

        private byte[] mac(byte[] message) {
            return Signing.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), message);
        }

        @Override
        public String toString() {
            return "Hmac[appId=" + appId + ", secret=<hidden>]";
        }
    }

    record Rsa(String appId, PrivateKey merchantKey, PublicKey platformKey) implements Credentials {

        public Rsa {
            requireText(appId, "appId");
            Objects.requireNonNull(merchantKey, "the merchant's RSA private key is required");
            Objects.requireNonNull(platformKey, "the platform's RSA public key is required to check its answers");
        }

        @Override
        public String scheme() {
            return RSA_SCHEME;
        }

        @Override
        public String signature(byte[] requestMessage) {
            try {
                Signature signer = Signature.getInstance("SHA256withRSA");
                signer.initSign(merchantKey);
                signer.update(requestMessage);
                return Base64.getEncoder().encodeToString(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot sign with this private key (an RSA key is expected)", e);
            }
        }

        @Override
        public boolean isPlatformSignature(byte[] answerMessage, String signatureBase64) {
            byte[] given = Signing.decodeBase64OrNull(signatureBase64);
            if (given == null) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(platformKey);
                verifier.update(answerMessage);
                return verifier.verify(given);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "Rsa[appId=" + appId + ", merchantKey=<hidden>]";
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
