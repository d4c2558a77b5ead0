package com.aggpay.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration THREE_DAYS = Duration.ofDays(3);

    @Test
    void a_410_disables_the_endpoint_at_once() {
        assertThat(EndpointHealth.disableAfterFailure(new AttemptResult.Rejected(410), NOW, NOW, THREE_DAYS))
                .contains(EndpointHealth.DisabledReason.GONE);
    }

    @Test
    void failing_longer_than_the_limit_without_a_success_disables_the_endpoint() {
        Instant failingSince = NOW.minus(THREE_DAYS).minusSeconds(1);

        assertThat(EndpointHealth.disableAfterFailure(new AttemptResult.Unreachable("TIMEOUT"), failingSince, NOW,
                THREE_DAYS)).contains(EndpointHealth.DisabledReason.FAILING_TOO_LONG);
        assertThat(EndpointHealth.disableAfterFailure(new AttemptResult.Rejected(500), failingSince, NOW,
                THREE_DAYS)).contains(EndpointHealth.DisabledReason.FAILING_TOO_LONG);
    }

    @Test
    void failing_for_less_than_the_limit_keeps_the_endpoint() {
        assertThat(EndpointHealth.disableAfterFailure(new AttemptResult.Rejected(500), NOW.minus(THREE_DAYS), NOW,
                THREE_DAYS)).isEmpty();
        assertThat(EndpointHealth.disableAfterFailure(new AttemptResult.Rejected(503), NOW.minusSeconds(5), NOW,
                THREE_DAYS)).isEmpty();
    }

    @Test
    void only_the_endpoints_own_failures_count_and_only_a_success_ends_the_streak() {
        assertThat(EndpointHealth.countsAsFailure(new AttemptResult.Rejected(500))).isTrue();
        assertThat(EndpointHealth.countsAsFailure(new AttemptResult.Unreachable("CONNECT_FAILED"))).isTrue();
        assertThat(EndpointHealth.countsAsFailure(new AttemptResult.Postponed("MERCHANT_SERVICE_UNAVAILABLE")))
                .isFalse();
        assertThat(EndpointHealth.countsAsFailure(new AttemptResult.Held("ENDPOINT_DISABLED"))).isFalse();
        assertThat(EndpointHealth.endsStreak(new AttemptResult.Delivered(200))).isTrue();
        assertThat(EndpointHealth.endsStreak(new AttemptResult.Rejected(500))).isFalse();
        assertThat(EndpointHealth.disableAfterFailure(new AttemptResult.Postponed("X"), NOW.minus(Duration.ofDays(9)),
                NOW, THREE_DAYS)).as("our own outage never disables a merchant's endpoint").isEmpty();
    }
}
