package com.aggpay.gateway.cashier;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals what the cashier hands to a payer's browser and must get back unchanged: {@code base64url(json)} and an
 * HMAC-SHA256 over it and its purpose, with an expiry inside. A value sealed for one purpose (the authorisation in
 * flight) never opens as another (the payer's session).
 */
final class CashierSeal {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> CLAIMS = new TypeReference<>() { };
    private static final int MAX_SEALED = 2048;

    private final SecretKeySpec key;
    private final Clock clock;

    CashierSeal(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the cashier session key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    String seal(String purpose, Map<String, String> claims, Duration ttl) {
        Map<String, String> all = new LinkedHashMap<>(claims);
        all.put("exp", Long.toString(clock.instant().plus(ttl).getEpochSecond()));
        String payload = B64.encodeToString(JSON.writeValueAsBytes(all));
        return payload + "." + B64.encodeToString(mac(purpose, payload));
    }

    /** The claims, when the value was sealed here for this purpose and has not expired; empty otherwise. */
    Optional<Map<String, String>> open(String purpose, String sealed) {
        if (sealed == null || sealed.length() > MAX_SEALED) {
            return Optional.empty();
        }
        int dot = sealed.indexOf('.');
        if (dot <= 0 || dot != sealed.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = sealed.substring(0, dot);
        try {
            byte[] given = B64D.decode(sealed.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(purpose, payload))) {
                return Optional.empty();
            }
            Map<String, String> claims = JSON.readValue(B64D.decode(payload), CLAIMS);
            String exp = claims.get("exp");
            if (exp == null || Long.parseLong(exp) <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((purpose + "." + payload).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
