package com.aggpay.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;

/**
 * The webhook signature (API.md, "Webhooks to merchants"):
 * {@code Aggpay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhook secret, "<t>.<raw body>")>}, and the same
 * attempt signed in the form of the Standard Webhooks specification ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64 HMAC-SHA256(secret bytes, "<id>.<timestamp>.<raw body>")>}), which merchants
 * can check with off-the-shelf libraries given the secret as {@code whsec_<base64 of its bytes>}.
 */
public final class WebhookSignature {

    public static final String HEADER = "Aggpay-Signature";
    public static final String EVENT_ID_HEADER = "Aggpay-Event-Id";
    public static final String STANDARD_ID_HEADER = "webhook-id";
    public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";

    private WebhookSignature() {
    }

    public static String header(String webhookSecret, long unixSeconds, byte[] rawBody) {
        return "t=" + unixSeconds + ",v1=" + v1(webhookSecret, unixSeconds, rawBody);
    }

    public static String v1(String webhookSecret, long unixSeconds, byte[] rawBody) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(rawBody, 0, message, prefix.length, rawBody.length);
        return HexFormat.of().formatHex(MerchantSignature.hmacSha256(webhookSecret, message));
    }

    /** The {@code webhook-signature} value of the Standard Webhooks form: {@code v1,<base64 signature>}. */
    public static String standard(String webhookSecret, String eventId, long unixSeconds, byte[] rawBody) {
        return standard(webhookSecret.getBytes(StandardCharsets.UTF_8), eventId, unixSeconds, rawBody);
    }

    /** As above with the key as bytes: what {@code whsec_<base64>} decodes to. */
    public static String standard(byte[] key, String eventId, long unixSeconds, byte[] rawBody) {
        byte[] prefix = (eventId + "." + unixSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(rawBody, 0, message, prefix.length, rawBody.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The Standard Webhooks check: the timestamp within {@code tolerance}, and any of the space-separated
     * {@code v1,} signatures equal in constant time (the specification lets a sender list several during a rotation).
     */
    public static boolean verifyStandard(String webhookSecret, String eventId, String timestamp, String signatures,
                                         byte[] rawBody, Clock clock, Duration tolerance) {
        if (eventId == null || timestamp == null || signatures == null) {
            return false;
        }
        long t;
        try {
            t = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = standard(webhookSecret, eventId, t, rawBody).getBytes(StandardCharsets.US_ASCII);
        for (String given : signatures.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** What a merchant does on receipt: parse, check the age of {@code t}, compare in constant time. */
    public static boolean verify(String webhookSecret, String header, byte[] rawBody, Clock clock, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String given = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1") && given == null) {
                given = kv[1];
            }
        }
        if (t == null || given == null) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = v1(webhookSecret, t, rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }
}
