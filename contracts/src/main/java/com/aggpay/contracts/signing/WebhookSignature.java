package com.aggpay.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The webhook signature (API.md, "Webhooks to merchants"):
 * {@code Aggpay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhook secret, "<t>.<raw body>")>}.
 */
public final class WebhookSignature {

    public static final String HEADER = "Aggpay-Signature";
    public static final String EVENT_ID_HEADER = "Aggpay-Event-Id";

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
