package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.crypto.Rsa;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * UnionPay's wire text, written independently of the platform's code. Signing (signMethod=01): every field but
 * {@code signature}, sorted by name, {@code k=v&…}; SHA-256 of that as lowercase hex; SHA256withRSA over the hex
 * string's bytes; Base64. Public for the simulator's other UnionPay endpoints (the user-id exchange in {@code oauth}).
 */
public final class UpWire {

    private UpWire() {
    }

    public static String signContent(Map<String, String> fields) {
        return fields.keySet().stream().filter(name -> !name.equals("signature")).sorted()
                .map(name -> name + "=" + Objects.requireNonNullElse(fields.get(name), ""))
                .collect(Collectors.joining("&"));
    }

    /** SHA-256 of the UTF-8 text, as the 64 lowercase hex digits UnionPay signs. */
    public static String sha256Hex(String text) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String hex = new BigInteger(1, digest).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    public static String sign(PrivateKey key, Map<String, String> fields) {
        return Rsa.sign(key, sha256Hex(signContent(fields)));
    }

    public static boolean verify(PublicKey key, Map<String, String> fields) {
        return Rsa.verify(key, sha256Hex(signContent(fields)), fields.get("signature"));
    }

    /** Answers are raw {@code k=v&…} (not URL-encoded), as UnionPay's gateway writes them. */
    public static String answer(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** {@code txnTime}: 14 digits of a real Beijing date and time. */
    public static boolean validTxnTime(String text) {
        if (text == null || !text.matches("[0-9]{14}")) {
            return false;
        }
        try {
            LocalDateTime.parse(text, UpNumbers.TXN_TIME.withResolverStyle(ResolverStyle.SMART));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A transaction's result fields: {@code respCode} and UnionPay's message for it, with an optional detail. */
    public static Map<String, String> result(String respCode, String detail) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("respCode", respCode);
        r.put("respMsg", detail == null ? UpCodes.message(respCode) : UpCodes.message(respCode) + "：" + detail);
        return r;
    }

    /** "缺少 a,b" naming the fields that are absent or empty, or null when all are there. */
    public static String missing(Map<String, String> p, String... names) {
        List<String> absent = Arrays.stream(names).filter(n -> p.get(n) == null || p.get(n).isEmpty()).toList();
        return absent.isEmpty() ? null : "缺少 " + String.join(",", absent);
    }

    /** Notifications are ordinary URL-encoded form posts. */
    static String form(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
