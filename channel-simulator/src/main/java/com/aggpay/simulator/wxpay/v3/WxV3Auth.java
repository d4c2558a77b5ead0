package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.crypto.Rsa;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies {@code Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",
 * signature="…"} the way WeChat Pay does: message {@code METHOD\nPATH?QUERY\nTS\nNONCE\nBODY\n}, the merchant's
 * public key, timestamp within 5 minutes.
 */
final class WxV3Auth {

    static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";
    private static final long MAX_SKEW_SECONDS = 300;

    private WxV3Auth() {
    }

    /** The header's fields, or an empty map when it is absent or not of this schema. */
    static Map<String, String> parse(String header) {
        Map<String, String> fields = new HashMap<>();
        if (header == null || !header.startsWith(SCHEMA + " ")) {
            return fields;
        }
        for (String part : header.substring(SCHEMA.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String value = part.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                fields.put(part.substring(0, eq).trim(), value);
            }
        }
        return fields;
    }

    /** Null when the request is authentic, else why not (the message of the 401 answer). */
    static String check(WxV3Account account, Map<String, String> fields, String method, String pathAndQuery,
                        String body, long nowSeconds) {
        String timestamp = fields.get("timestamp");
        String nonce = fields.get("nonce_str");
        String signature = fields.get("signature");
        if (timestamp == null || nonce == null || signature == null || fields.get("serial_no") == null) {
            return "Authorization header incomplete";
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "timestamp is not a number";
        }
        if (Math.abs(nowSeconds - ts) > MAX_SKEW_SECONDS) {
            return "timestamp expired";
        }
        String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        return Rsa.verify(account.merchantPublicKey(), message, signature) ? null : "signature verification failed";
    }
}
