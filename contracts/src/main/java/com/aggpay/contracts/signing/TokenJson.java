package com.aggpay.contracts.signing;

import java.time.Instant;

/**
 * The operator token's payload, written and read by hand so contracts needs no JSON library. The reader accepts
 * exactly one JSON object with exactly the members {@code sub, role, jti} (strings) and {@code exp} (a non-negative
 * integer), each once, in any order; anything else (unknown, missing or repeated members, other value types,
 * trailing text) is refused with null.
 */
final class TokenJson {

    private static final int MAX_EXP_DIGITS = 12;

    private TokenJson() {
    }

    static String write(OperatorToken.Claims claims) {
        return "{\"sub\":" + quote(claims.subject()) + ",\"role\":" + quote(claims.role())
                + ",\"exp\":" + claims.expiresAt().getEpochSecond() + ",\"jti\":" + quote(claims.jti()) + "}";
    }

    /** @return the claims, or null when the text is not exactly the payload described above */
    static OperatorToken.Claims read(String json) {
        try {
            return new Reader(json).claims();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A cursor over the text; every mismatch throws, which {@link #read} turns into null. */
    private static final class Reader {

        private final String text;
        private int pos;
        private String sub;
        private String role;
        private String jti;
        private Long exp;

        Reader(String text) {
            this.text = text;
        }

        OperatorToken.Claims claims() {
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() != '}') {
                member();
                skipSpace();
                while (peek() == ',') {
                    pos++;
                    skipSpace();
                    member();
                    skipSpace();
                }
            }
            expect('}');
            skipSpace();
            if (pos != text.length() || sub == null || role == null || jti == null || exp == null) {
                throw new IllegalArgumentException("incomplete payload");
            }
            return new OperatorToken.Claims(sub, role, Instant.ofEpochSecond(exp), jti);
        }

        private void member() {
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            switch (name) {
                case "sub" -> sub = once(sub, string());
                case "role" -> role = once(role, string());
                case "jti" -> jti = once(jti, string());
                case "exp" -> exp = once(exp, integer());
                default -> throw new IllegalArgumentException("unknown member");
            }
        }

        private static <T> T once(T previous, T value) {
            if (previous != null) {
                throw new IllegalArgumentException("repeated member");
            }
            return value;
        }

        private long integer() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (digits.isEmpty() || digits.length() > MAX_EXP_DIGITS || (digits.length() > 1 && digits.charAt(0) == '0')) {
                throw new IllegalArgumentException("not a plain integer");
            }
            return Long.parseLong(digits);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(hex4());
                    default -> throw new IllegalArgumentException("bad escape");
                }
            }
        }

        private char hex4() {
            if (pos + 4 > text.length()) {
                throw new IllegalArgumentException("short \\u escape");
            }
            String hex = text.substring(pos, pos + 4);
            if (!hex.matches("[0-9A-Fa-f]{4}")) {
                throw new IllegalArgumentException("bad \\u escape");
            }
            pos += 4;
            return (char) Integer.parseInt(hex, 16);
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c);
            }
        }
    }
}
