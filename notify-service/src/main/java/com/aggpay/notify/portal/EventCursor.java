package com.aggpay.notify.portal;

import com.aggpay.notify.api.ApiException;
import com.aggpay.notify.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The position after the last event a page showed, newest first: its creation time and row id, base64url of
 * {@code v1|<instant>|<id>}. Opaque to callers; it moves the window only inside the rows the other filters (the
 * merchant) already allow, so it needs no signature.
 */
record EventCursor(Instant createdAt, long id) {

    private static final int MAX_LENGTH = 200;

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1|" + createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for the first page */
    static EventCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() <= MAX_LENGTH) {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|", -1);
                if (parts.length == 3 && parts[0].equals("v1")) {
                    return new EventCursor(Instant.parse(parts[1]), Long.parseLong(parts[2]));
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // NumberFormatException is an IllegalArgumentException too: all mean a cursor we never gave out
        }
        throw new ApiException(ErrorCode.INVALID_REQUEST, "cursor", "cursor is not one this service gave out.");
    }
}
