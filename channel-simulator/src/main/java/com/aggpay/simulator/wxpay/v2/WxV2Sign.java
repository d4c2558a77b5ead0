package com.aggpay.simulator.wxpay.v2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2 signatures, as the wallet computes them, written from WeChat's "签名算法" page and nothing else:
 * stringA is the non-empty parameters except {@code sign}, ordered by name in ASCII order, as {@code k=v} joined
 * with {@code &}; stringSignTemp is stringA + {@code &key=<API key>}; the sign is MD5(stringSignTemp) or
 * HMAC-SHA256(stringSignTemp) keyed with the API key, in upper-case hex.
 */
final class WxV2Sign {

    static final String MD5 = "MD5";
    static final String HMAC_SHA256 = "HMAC-SHA256";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WxV2Sign() {
    }

    static boolean supported(String signType) {
        return switch (signType == null ? "" : signType) {
            case MD5, HMAC_SHA256 -> true;
            default -> false;
        };
    }

    /** stringSignTemp of the page: it carries the API key, so only tests look at it. */
    static String content(Map<String, String> fields, String apiKey) {
        String stringA = fields.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty() && !e.getKey().equals("sign"))
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return (stringA.isEmpty() ? "" : stringA + "&") + "key=" + apiKey;
    }

    /** Any sign type but HMAC-SHA256 is MD5, WeChat's default when a request names none. */
    static String sign(Map<String, String> fields, String apiKey, String signType) {
        byte[] text = content(fields, apiKey).getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        try {
            if (HMAC_SHA256.equals(signType)) {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), hmac.getAlgorithm()));
                digest = hmac.doFinal(text);
            } else {
                digest = MessageDigest.getInstance("MD5").digest(text);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + signType, e);
        }
        return upperHex(digest);
    }

    static boolean verify(Map<String, String> fields, String apiKey, String signType) {
        String claimed = fields.get("sign");
        if (claimed == null) {
            return false;
        }
        byte[] expected = sign(fields, apiKey, signType).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, claimed.getBytes(StandardCharsets.UTF_8));
    }

    private static String upperHex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
