package com.aggpay.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a webhook in either of the two forms the platform sends on every attempt (API.md):
 * <ul>
 *   <li>{@code Aggpay-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>};</li>
 *   <li>Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} and
 *       {@code webhook-signature: v1,<base64 HMAC-SHA256(secret, "<id>.<timestamp>.<raw body>")>} (a space-separated
 *       list during a key rotation).</li>
 * </ul>
 * The secret is the app's webhook secret as issued (its UTF-8 bytes are the key) or in the {@code whsec_<base64>}
 * form, whose decoded bytes are the key. Signatures are compared in constant time, and a timestamp further than the
 * tolerance from this server's clock is refused, so a captured delivery cannot be replayed later.
 */
public final class Webhooks {

    public static final String AGGPAY_SIGNATURE_HEADER = "Aggpay-Signature";
    public static final String STANDARD_ID_HEADER = "webhook-id";
    public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";

    private static final String WHSEC_PREFIX = "whsec_";

    private Webhooks() {
    }

    /** {@link #verify(String, Map, byte[], Duration, Clock)} against the system clock. */
    public static WebhookEvent verify(String secret, Map<String, List<String>> headers, byte[] rawBody,
                                      Duration tolerance) {
        return verify(secret, headers, rawBody, tolerance, Clock.systemUTC());
    }

    /**
     * @param headers the request's headers, names in any case (e.g. {@code com.sun.net.httpserver.Headers},
     *                {@code java.net.http.HttpHeaders#map()}, or a map built from a servlet request)
     * @param rawBody the body exactly as received, before any JSON parsing
     * @return the event, once one of the two forms verified
     * @throws WebhookVerificationException when neither form verifies; the reason is the Aggpay form's when present
     */
    public static WebhookEvent verify(String secret, Map<String, List<String>> headers, byte[] rawBody,
                                      Duration tolerance, Clock clock) {
        byte[] key = key(secret);
        String aggpay = header(headers, AGGPAY_SIGNATURE_HEADER);
        String id = header(headers, STANDARD_ID_HEADER);
        String timestamp = header(headers, STANDARD_TIMESTAMP_HEADER);
        String signatures = header(headers, STANDARD_SIGNATURE_HEADER);
        boolean standardPresent = id != null && timestamp != null && signatures != null;
        if (aggpay == null && !standardPresent) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.NO_SIGNATURE,
                    "no Aggpay-Signature and no webhook-id/webhook-timestamp/webhook-signature headers");
        }
        WebhookVerificationException aggpayFailure = aggpay == null ? null
                : checkAggpay(key, aggpay, rawBody, tolerance, clock);
        if (aggpay != null && aggpayFailure == null) {
            return parse(rawBody);
        }
        WebhookVerificationException standardFailure = !standardPresent ? null
                : checkStandard(key, id, timestamp, signatures, rawBody, tolerance, clock);
        if (standardPresent && standardFailure == null) {
            return parse(rawBody);
        }
        throw aggpayFailure != null ? aggpayFailure : standardFailure;
    }

    private static WebhookVerificationException checkAggpay(byte[] key, String header, byte[] body,
                                                            Duration tolerance, Clock clock) {
        String t = null;
        StringBuilder givenList = new StringBuilder();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                givenList.append(kv[1]).append(' ');
            }
        }
        if (t == null || givenList.length() == 0 || !t.matches("\\d{1,12}")) {
            return malformed("Aggpay-Signature must be t=<unix seconds>,v1=<hex>");
        }
        WebhookVerificationException stale = tooOld(Long.parseLong(t), tolerance, clock);
        if (stale != null) {
            return stale;
        }
        byte[] expected = Signing.hmacSha256(key, Signing.concat(t + ".", body, ""));
        for (String given : givenList.toString().trim().split(" ")) {
            if (MessageDigest.isEqual(expected, hexOrEmpty(given))) {
                return null;
            }
        }
        return mismatch();
    }

    private static WebhookVerificationException checkStandard(byte[] key, String id, String timestamp,
                                                              String signatures, byte[] body, Duration tolerance,
                                                              Clock clock) {
        if (!timestamp.matches("\\d{1,12}")) {
            return malformed("webhook-timestamp must be unix seconds");
        }
        WebhookVerificationException stale = tooOld(Long.parseLong(timestamp), tolerance, clock);
        if (stale != null) {
            return stale;
        }
        byte[] expected = Signing.hmacSha256(key, Signing.concat(id + "." + timestamp + ".", body, ""));
        for (String entry : signatures.trim().split(" +")) {
            if (entry.startsWith("v1,") && Signing.base64Equals(expected, entry.substring(3))) {
                return null;
            }
        }
        return mismatch();
    }

    private static WebhookEvent parse(byte[] body) {
        try {
            JsonNode event = Json.MAPPER.readTree(body);
            JsonNode id = event.get("id");
            JsonNode type = event.get("type");
            JsonNode createdAt = event.get("created_at");
            JsonNode data = event.get("data");
            if (id == null || !id.isString() || type == null || !type.isString() || createdAt == null
                    || !createdAt.isString() || data == null || !data.isObject()) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_BODY,
                        "the event lacks id, type, created_at or data");
            }
            return new WebhookEvent(id.asString(), type.asString(), OffsetDateTime.parse(createdAt.asString()), data);
        } catch (DateTimeParseException e) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_BODY,
                    "created_at is not an RFC 3339 time: " + e.getParsedString());
        } catch (tools.jackson.core.JacksonException e) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_BODY,
                    "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code whsec_<base64>} decodes to the key; any other secret is used as its UTF-8 bytes. */
    private static byte[] key(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is required");
        }
        if (!secret.startsWith(WHSEC_PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(secret.substring(WHSEC_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a whsec_ secret must be followed by Base64", e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static byte[] hexOrEmpty(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static WebhookVerificationException tooOld(long t, Duration tolerance, Clock clock) {
        long skew = Math.abs(clock.instant().getEpochSecond() - t);
        return skew <= tolerance.toSeconds() ? null : new WebhookVerificationException(
                WebhookVerificationException.Reason.OUTSIDE_TOLERANCE,
                "signed " + skew + " s away from this server's clock (tolerance " + tolerance.toSeconds() + " s)");
    }

    private static WebhookVerificationException malformed(String message) {
        return new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_HEADER, message);
    }

    private static WebhookVerificationException mismatch() {
        return new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                "no signature matches the body under this webhook secret");
    }
}
