package com.aggpay.merchant.operator.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new OperatorLoginProperties(Duration.ofHours(8), 5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void a_username_is_blocked_after_five_failures_from_any_addresses() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.blocked("alice", "10.0.9.9")).isFalse();

        throttle.failed("alice", "10.0.0.5");

        assertThat(throttle.blocked("alice", "10.0.9.9")).isTrue();
        assertThat(throttle.blocked("ALICE", "10.0.9.9")).as("the same account in other letter case").isTrue();
        assertThat(throttle.blocked("bob", "10.0.9.9")).isFalse();
    }

    @Test
    void failures_older_than_the_window_no_longer_count() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(throttle.blocked("alice", "10.0.0.1")).isFalse();
    }

    @Test
    void an_address_spraying_many_usernames_is_blocked_after_twenty_failures() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }

        assertThat(throttle.blocked("admin", "203.0.113.7")).isTrue();
        assertThat(throttle.blocked("admin", "203.0.113.8")).isFalse();
    }

    @Test
    void a_success_clears_the_usernames_failures_but_not_the_addresses() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.2");
        }

        assertThat(throttle.blocked("alice", "10.0.0.3")).isFalse();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
