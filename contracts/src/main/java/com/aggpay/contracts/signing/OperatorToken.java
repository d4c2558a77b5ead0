package com.aggpay.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator console's bearer token: {@code base64url(payload) "." base64url(HMAC-SHA256(key, base64url(payload)))},
 * payload {@code {"sub":"<username>","role":"OPERATOR","exp":<unix s>,"jti":"<random>"}}. merchant-service issues
 * it at login; the gateway verifies it. The key ({@code AGGPAY_OPERATOR_TOKEN_KEY}) is shared by those two only.
 * Deliberately not a JWT library: one algorithm, no header to negotiate it, nothing to misconfigure.
 */
public final class OperatorToken {

    public static final String ROLE_OPERATOR = "OPERATOR";
    public static final int MIN_KEY_BYTES = 32;
    /** Far above any token this class issues; bounds the work spent on garbage. */
    static final int MAX_TOKEN_LENGTH = 1024;
    /** What a subject or role may contain: they end up in headers and log lines. */
    private static final Pattern SAFE_CLAIM = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;

    public OperatorToken(byte[] key, Clock clock) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the operator token key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /**
     * For service configuration: the key as Base64 from the environment. Messages name the variable, never the
     * key material, so a start-up failure can be logged as it is.
     */
    public static OperatorToken fromBase64Key(String base64Key, Clock clock) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("set AGGPAY_OPERATOR_TOKEN_KEY (Base64 of at least "
                    + MIN_KEY_BYTES + " random bytes)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AGGPAY_OPERATOR_TOKEN_KEY is not valid Base64");
        }
        if (raw.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("AGGPAY_OPERATOR_TOKEN_KEY must decode to at least " + MIN_KEY_BYTES
                    + " bytes, got " + raw.length);
        }
        return new OperatorToken(raw, clock);
    }

    /** The claims a token carries. {@code jti} is random per token, so log lines can name a token without it. */
    public record Claims(String subject, String role, Instant expiresAt, String jti) {
    }

    /** A freshly issued token with its claims. */
    public record Issued(String token, Claims claims) {

        @Override
        public String toString() {
            return "Issued[token=<hidden>, claims=" + claims + "]";
        }
    }

    /** The outcome of a check: a rejection is a value with its reason, never an exception. */
    public sealed interface Verification {

        record Valid(Claims claims) implements Verification {
        }

        record Rejected(Reason reason) implements Verification {
        }
    }

    public enum Reason {
        /** not two Base64url parts, or a payload that is not exactly our JSON */
        MALFORMED,
        /** the HMAC does not match: tampered, or made with another key */
        BAD_SIGNATURE,
        EXPIRED
    }

    public Issued issue(String subject, String role, Duration ttl) {
        requireSafe("subject", subject);
        requireSafe("role", role);
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        // exp is whole seconds on the wire; keep the claims equal to what a verifier will read back.
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(ttl).getEpochSecond());
        Claims claims = new Claims(subject, role, expiresAt, HexFormat.of().formatHex(random));
        String payload = encode(TokenJson.write(claims).getBytes(StandardCharsets.UTF_8));
        return new Issued(payload + "." + encode(mac(payload)), claims);
    }

    /** Signature first, over the text as received, so nothing of an unauthenticated payload is ever parsed. */
    public Verification verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return rejected(Reason.MALFORMED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            return rejected(Reason.MALFORMED);
        }
        String payload = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        if (!BASE64URL.matcher(payload).matches() || !BASE64URL.matcher(signature).matches()) {
            return rejected(Reason.MALFORMED);
        }
        byte[] given = decodeOrNull(signature);
        if (given == null || !MessageDigest.isEqual(mac(payload), given)) {
            return rejected(Reason.BAD_SIGNATURE);
        }
        byte[] json = decodeOrNull(payload);
        Claims claims = json == null ? null : TokenJson.read(new String(json, StandardCharsets.UTF_8));
        if (claims == null || !SAFE_CLAIM.matcher(claims.subject()).matches()
                || !SAFE_CLAIM.matcher(claims.role()).matches() || !SAFE_CLAIM.matcher(claims.jti()).matches()) {
            return rejected(Reason.MALFORMED);
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            return rejected(Reason.EXPIRED);
        }
        return new Verification.Valid(claims);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void requireSafe(String what, String value) {
        if (value == null || !SAFE_CLAIM.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 of [A-Za-z0-9_.@-]");
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Strict: the URL alphabet without padding, and no bits left over that another text would encode the same. */
    private static byte[] decodeOrNull(String text) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            return encode(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Verification rejected(Reason reason) {
        return new Verification.Rejected(reason);
    }
}
