package com.aggpay.router.channel.wxpay.v2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2 request, response and notification signatures: fields sorted by name, {@code sign} and empty values
 * skipped, {@code k=v&…&key=API_KEY}, then MD5 or HMAC-SHA256 keyed with the API key, upper-case hex.
 */
final class WxV2Signer {

    static final String MD5 = "MD5";
    static final String HMAC_SHA256 = "HMAC-SHA256";

    private WxV2Signer() {
    }

    static boolean supported(String signType) {
        return MD5.equals(signType) || HMAC_SHA256.equals(signType);
    }

    /** The signed string; it contains the API key, so it is never logged or returned. */
    static String content(Map<String, String> fields, String apiKey) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> {
            if (!"sign".equals(k) && v != null && !v.isEmpty()) {
                s.append(k).append('=').append(v).append('&');
            }
        });
        return s.append("key=").append(apiKey).toString();
    }

    static String sign(Map<String, String> fields, String apiKey, String signType) {
        if (!supported(signType)) {
            throw new IllegalArgumentException("unsupported sign_type " + signType);
        }
        byte[] content = content(fields, apiKey).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest;
            if (HMAC_SHA256.equals(signType)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(content);
            } else {
                digest = MessageDigest.getInstance("MD5").digest(content);
            }
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("v2 signing failed", e);
        }
    }

    /** Constant-time: the time taken says nothing about how much of a forged sign was right. */
    static boolean verify(Map<String, String> fields, String apiKey, String signType) {
        String sign = fields.get("sign");
        if (sign == null || sign.isEmpty() || !supported(signType)) {
            return false;
        }
        return MessageDigest.isEqual(sign.getBytes(StandardCharsets.UTF_8),
                sign(fields, apiKey, signType).getBytes(StandardCharsets.UTF_8));
    }
}
