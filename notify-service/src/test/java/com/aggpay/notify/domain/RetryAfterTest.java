package com.aggpay.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void delta_seconds_are_the_wait() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void an_http_date_is_the_wait_until_then() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 02:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void an_http_date_in_the_past_is_no_wait() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 01:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void an_absurdly_long_wait_is_kept_long_without_overflowing() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).hasValueSatisfying(d ->
                assertThat(d).isGreaterThan(Duration.ofDays(300)));
    }

    @Test
    void anything_unreadable_is_ignored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("tomorrow", NOW)).isEmpty();
    }
}
