package com.aggpay.contracts.signing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed merchant {@code Authorization} header: {@code SCHEME app_id="…",timestamp="…",nonce="…",signature="…"}. */
public record AuthorizationHeader(String scheme, String appId, String timestamp, String nonce, String signature) {

    private static final Pattern PAIR = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        if (!scheme.equals(MerchantSignature.HMAC_SCHEME) && !scheme.equals(MerchantSignature.RSA_SCHEME)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        Matcher m = PAIR.matcher(header.substring(space + 1));
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        String appId = fields.get("app_id");
        String timestamp = fields.get("timestamp");
        String nonce = fields.get("nonce");
        String signature = fields.get("signature");
        if (isBlank(appId) || isBlank(timestamp) || isBlank(nonce) || isBlank(signature)) {
            return Optional.empty();
        }
        return Optional.of(new AuthorizationHeader(scheme, appId, timestamp, nonce, signature));
    }

    public boolean isRsa() {
        return MerchantSignature.RSA_SCHEME.equals(scheme);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
