package com.aggpay.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(
            List.of(Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5)));

    @Test
    void the_nth_failure_waits_the_nth_delay() {
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(15));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofMinutes(5));
    }

    @Test
    void a_failure_beyond_the_last_delay_exhausts_the_schedule() {
        assertThat(schedule.delayAfter(4)).isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(4);
    }

    @Test
    void the_production_schedule_lasts_more_than_a_day() {
        RetrySchedule production = new RetrySchedule(List.of(Duration.ofSeconds(15), Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8),
                Duration.ofHours(8)));

        assertThat(production.window()).isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_schedule_without_delays_or_with_a_zero_delay_is_refused() {
        assertThatThrownBy(() -> new RetrySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rejected_attempt_is_retried_after_the_delay_of_its_failure_count() {
        NextStep next = NextStep.after(new AttemptResult.Rejected(500), 1, schedule, NOW, Duration.ofSeconds(30));

        assertThat(next).isEqualTo(new NextStep.RetryAt(NOW.plus(Duration.ofMinutes(1)), "HTTP_500"));
    }

    @Test
    void the_last_failure_gives_the_event_up() {
        NextStep next = NextStep.after(new AttemptResult.Unreachable("TIMEOUT"), 3, schedule, NOW, Duration.ofSeconds(30));

        assertThat(next).isEqualTo(new NextStep.GiveUp("TIMEOUT"));
    }

    @Test
    void a_forbidden_target_is_given_up_at_once() {
        NextStep next = NextStep.after(new AttemptResult.Forbidden("ADDRESS_NOT_PUBLIC"), 0, schedule, NOW,
                Duration.ofSeconds(30));

        assertThat(next).isEqualTo(new NextStep.GiveUp("NOTIFY_URL_FORBIDDEN"));
    }

    @Test
    void an_outage_of_merchant_service_postpones_without_using_the_schedule() {
        NextStep next = NextStep.after(new AttemptResult.Postponed("MERCHANT_SERVICE_UNAVAILABLE"), 3, schedule, NOW,
                Duration.ofSeconds(30));

        assertThat(next).isEqualTo(new NextStep.Postpone(NOW.plusSeconds(30), "MERCHANT_SERVICE_UNAVAILABLE"));
    }

    @Test
    void a_2xx_is_delivered() {
        assertThat(NextStep.after(new AttemptResult.Delivered(204), 2, schedule, NOW, Duration.ofSeconds(30)))
                .isInstanceOf(NextStep.MarkDelivered.class);
    }
}
