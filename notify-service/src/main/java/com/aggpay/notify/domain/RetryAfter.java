package com.aggpay.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A merchant's {@code Retry-After} (RFC 9110 §10.2.3): delta-seconds or an HTTP-date, read as the wait from
 * {@code now}. A date in the past is no wait; anything unreadable is ignored (the schedule alone decides).
 */
public final class RetryAfter {

    /** Longer than any sane answer: keeps the arithmetic far from overflow before the caller's own cap applies. */
    private static final long MAX_SECONDS = Duration.ofDays(365).toSeconds();

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            // more digits than a long holds is still "very long"
            long seconds = v.length() > 12 ? MAX_SECONDS : Math.min(Long.parseLong(v), MAX_SECONDS);
            return Optional.of(Duration.ofSeconds(seconds));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
