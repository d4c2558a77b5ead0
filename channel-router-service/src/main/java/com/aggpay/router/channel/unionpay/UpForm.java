package com.aggpay.router.channel.unionpay;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * UnionPay's two texts: requests and notifications are URL-encoded forms; synchronous answers are raw
 * {@code k=v&…} whose values may hold reserved fields in braces ({@code reserved={a=1&b=2}}), inside which
 * {@code &} and {@code =} are not separators. Both parsers refuse a repeated name: a second value could make the
 * signed text and the trusted value differ.
 */
final class UpForm {

    private UpForm() {
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A URL-encoded form body (a notification). */
    static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        for (String pair : body.trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("form pair without a name");
            }
            put(fields, URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** A synchronous answer, braces respected (as UnionPay's own SDK reads them). */
    static Map<String, String> parseAnswer(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String s = text == null ? "" : text.strip();
        StringBuilder name = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!inValue) {
                if (c == '=') {
                    inValue = true;
                } else if (c == '&' || c == '{' || c == '}') {
                    throw new IllegalArgumentException("malformed field name at " + i);
                } else {
                    name.append(c);
                }
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("unbalanced '}' at " + i);
                }
            } else if (c == '&' && depth == 0) {
                put(fields, name.toString(), value.toString());
                name.setLength(0);
                value.setLength(0);
                inValue = false;
                continue;
            }
            value.append(c);
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '{'");
        }
        if (inValue) {
            put(fields, name.toString(), value.toString());
        } else if (!name.isEmpty()) {
            throw new IllegalArgumentException("trailing field without '='");
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (name.isEmpty() || fields.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("empty or repeated field name '" + name + "'");
        }
    }
}
