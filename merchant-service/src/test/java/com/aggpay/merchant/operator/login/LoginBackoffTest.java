package com.aggpay.merchant.operator.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.merchant.operator.login.LoginBackoff.Failures;
import com.aggpay.merchant.operator.login.OperatorLoginProperties.Limit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Limit GUESSER = new Limit(5, Duration.ofMinutes(15));
    private static final Limit ACCOUNT = new Limit(10, Duration.ofSeconds(2));
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void there_is_no_wait_before_the_free_failures_are_used_up() {
        assertThat(LoginBackoff.after(4, GUESSER, BASE)).isZero();
    }

    @Test
    void the_wait_doubles_with_each_failure_past_the_free_ones() {
        assertThat(LoginBackoff.after(5, GUESSER, BASE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginBackoff.after(6, GUESSER, BASE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginBackoff.after(9, GUESSER, BASE)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void the_wait_never_exceeds_the_cap_however_many_failures() {
        assertThat(LoginBackoff.after(15, GUESSER, BASE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginBackoff.after(Long.MAX_VALUE, GUESSER, BASE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginBackoff.after(1_000_000, ACCOUNT, BASE)).as("the account-wide key only slows")
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void what_remains_counts_from_the_latest_failure() {
        Failures sixFailures = new Failures(6, NOW.minusMillis(500));

        assertThat(LoginBackoff.remaining(sixFailures, GUESSER, BASE, NOW)).isEqualTo(Duration.ofMillis(1500));
        assertThat(LoginBackoff.remaining(sixFailures, GUESSER, BASE, NOW.plusSeconds(2))).isZero();
        assertThat(LoginBackoff.remaining(Failures.NONE, GUESSER, BASE, NOW)).isZero();
    }

    @Test
    void one_ipv6_subscriber_prefix_is_one_source_and_ipv4_addresses_stay_apart() {
        assertThat(LoginThrottle.sourceKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.sourceKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(LoginThrottle.sourceKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.sourceKey("203.0.113.7")).isNotEqualTo(LoginThrottle.sourceKey("203.0.113.8"));
        assertThat(LoginThrottle.sourceKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.sourceKey("not::valid::twice")).isEqualTo("not::valid::twice");
    }

    @Test
    void an_account_is_the_same_in_any_letter_case_and_never_stored_as_typed() {
        assertThat(LoginThrottle.accountKey("Admin")).isEqualTo(LoginThrottle.accountKey("admin"))
                .isNotEqualTo(LoginThrottle.accountKey("bob")).doesNotContain("admin").matches("[0-9a-f]{32}");
    }
}
