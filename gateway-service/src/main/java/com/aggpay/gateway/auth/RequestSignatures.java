package com.aggpay.gateway.auth;

import com.aggpay.contracts.signing.AuthorizationHeader;
import com.aggpay.contracts.signing.MerchantSignature;
import com.aggpay.gateway.app.MerchantAppInfo;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** The pure checks of API.md "Authentication": header shape, clock window and signature. No I/O. */
final class RequestSignatures {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    /** Visible ASCII only: the nonce becomes part of a Redis key and of log lines. */
    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7E]{1,64}");
    /**
     * Uploaded keys parsed once, not on every request on the event loop; keyed by the PEM itself, so a new upload is
     * a new entry and an unreadable one is remembered as none.
     */
    private static final Cache<String, Optional<PublicKey>> PARSED_KEYS = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofHours(1)).build();

    private RequestSignatures() {
    }

    /** A parsed header whose fields are safe to use as lookup keys; anything else is a malformed header. */
    static Optional<AuthorizationHeader> parse(String header) {
        return AuthorizationHeader.parse(header).filter(auth -> APP_ID.matcher(auth.appId()).matches()
                && TIMESTAMP.matcher(auth.timestamp()).matches() && NONCE.matcher(auth.nonce()).matches());
    }

    static boolean withinClockSkew(String timestamp, Instant now, Duration skew) {
        long seconds = Long.parseLong(timestamp);
        return Math.abs(now.getEpochSecond() - seconds) <= skew.getSeconds();
    }

    /** Which of the app's keys made a signature. */
    enum Signer {
        /** The RSA key the merchant uploaded, or the current HMAC secret. */
        CURRENT_KEY,
        /** The HMAC secret before the last rotation, within its grace period: answers are signed with it too. */
        PREVIOUS_SECRET,
        NONE
    }

    static boolean verify(AuthorizationHeader auth, MerchantAppInfo app, byte[] message) {
        return signer(auth, app, message, Instant.EPOCH) == Signer.CURRENT_KEY;
    }

    static Signer signer(AuthorizationHeader auth, MerchantAppInfo app, byte[] message, Instant now) {
        if (!auth.isRsa()) {
            if (app.appSecret() != null && MerchantSignature.verifyHmac(app.appSecret(), message, auth.signature())) {
                return Signer.CURRENT_KEY;
            }
            String previous = app.previousSecretAt(now);
            return previous != null && MerchantSignature.verifyHmac(previous, message, auth.signature())
                    ? Signer.PREVIOUS_SECRET : Signer.NONE;
        }
        if (app.rsaPublicKey() == null || app.rsaPublicKey().isBlank()) {
            return Signer.NONE;
        }
        return PARSED_KEYS.get(app.rsaPublicKey(), RequestSignatures::publicKey)
                .filter(key -> MerchantSignature.verifyRsa(key, message, auth.signature()))
                .map(key -> Signer.CURRENT_KEY)
                .orElse(Signer.NONE);
    }

    /** The merchant's uploaded key, PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo); absent or unreadable → none. */
    static Optional<PublicKey> publicKey(String pem) {
        if (pem == null || pem.isBlank()) {
            return Optional.empty();
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
