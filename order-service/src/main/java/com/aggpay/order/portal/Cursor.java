package com.aggpay.order.portal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A keyset position: the creation time and id of the last row a page showed, newest first. Opaque to callers
 * (base64url of {@code v1|<utc time>|<id>}); a cursor can only move the window inside the caller's own rows, since
 * the merchant filter is applied independently of it, so it needs no signature.
 */
record Cursor(LocalDateTime createdAt, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_LENGTH = 200;

    String encode() {
        String raw = "v1|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null when {@code cursor} is null or blank (the first page) */
    static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw PortalParams.invalid("cursor", "cursor is not one this service gave out.");
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals("v1") || !ID.matcher(parts[2]).matches()) {
                throw PortalParams.invalid("cursor", "cursor is not one this service gave out.");
            }
            return new Cursor(LocalDateTime.parse(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw PortalParams.invalid("cursor", "cursor is not one this service gave out.");
        }
    }
}
