package com.aggpay.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration POSTPONE = Duration.ofSeconds(30);
    private final RetrySchedule schedule = new RetrySchedule(
            List.of(Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5)));
    private final RetrySchedule jittered = new RetrySchedule(
            List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5)), 0.2, Duration.ofHours(24));

    /** The decision with the jitter's random number pinned and the endpoint not disabled. */
    private static NextStep after(AttemptResult result, int failuresBefore, RetrySchedule schedule, double uniform) {
        return NextStep.after(result, failuresBefore, schedule, NOW, POSTPONE, () -> uniform, false);
    }

    @Test
    void the_nth_failure_waits_the_nth_delay() {
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(15));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofMinutes(5));
    }

    @Test
    void a_failure_beyond_the_last_delay_exhausts_the_schedule() {
        assertThat(schedule.delayAfter(4)).isEmpty();
        assertThat(schedule.delayAfter(4, 0.5)).isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(4);
    }

    @Test
    void jitter_stretches_or_shrinks_each_wait_by_at_most_its_share() {
        assertThat(jittered.delayAfter(1, 0.0)).contains(Duration.ofSeconds(8));
        assertThat(jittered.delayAfter(1, 0.5)).contains(Duration.ofSeconds(10));
        assertThat(jittered.delayAfter(1, 0.999_999)).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12)));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            assertThat(jittered.delayAfter(2, random.nextDouble())).hasValueSatisfying(d ->
                    assertThat(d).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72)));
        }
    }

    @Test
    void the_shortest_window_is_the_window_with_every_wait_shrunk_by_the_jitter() {
        assertThat(jittered.window()).isEqualTo(Duration.ofSeconds(370));
        assertThat(jittered.shortestWindow()).isEqualTo(Duration.ofSeconds(296));
    }

    @Test
    void a_schedule_without_delays_with_a_zero_delay_or_with_jitter_of_one_or_more_is_refused() {
        assertThatThrownBy(() -> new RetrySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(1)), 1.0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rejected_attempt_is_retried_after_the_delay_of_its_failure_count() {
        assertThat(after(new AttemptResult.Rejected(500), 1, schedule, 0.5))
                .isEqualTo(new NextStep.RetryAt(NOW.plus(Duration.ofMinutes(1)), "HTTP_500"));
    }

    @Test
    void the_retry_time_carries_the_jitter() {
        assertThat(after(new AttemptResult.Rejected(500), 0, jittered, 0.0))
                .isEqualTo(new NextStep.RetryAt(NOW.plusSeconds(8), "HTTP_500"));
        assertThat(after(new AttemptResult.Unreachable("TIMEOUT"), 0, jittered, 0.75))
                .isEqualTo(new NextStep.RetryAt(NOW.plusSeconds(11), "TIMEOUT"));
    }

    @Test
    void a_retry_after_longer_than_the_schedule_is_honoured_and_still_uses_up_an_attempt() {
        NextStep next = after(new AttemptResult.Rejected(503, null, Duration.ofMinutes(30)), 0, jittered, 0.5);

        assertThat(next).isEqualTo(new NextStep.RetryAt(NOW.plus(Duration.ofMinutes(30)), "HTTP_503"));
        assertThat(after(new AttemptResult.Rejected(429, null, Duration.ofMinutes(30)), 3, jittered, 0.5))
                .as("the last attempt of the run, Retry-After or not").isEqualTo(new NextStep.GiveUp("HTTP_429"));
    }

    @Test
    void a_retry_after_shorter_than_the_schedule_never_brings_the_attempt_forward() {
        assertThat(after(new AttemptResult.Rejected(429, null, Duration.ofSeconds(1)), 1, jittered, 0.5))
                .isEqualTo(new NextStep.RetryAt(NOW.plus(Duration.ofMinutes(1)), "HTTP_429"));
    }

    @Test
    void a_retry_after_is_honoured_up_to_its_cap() {
        RetrySchedule capped = new RetrySchedule(List.of(Duration.ofSeconds(10)), 0.2, Duration.ofHours(24));

        assertThat(after(new AttemptResult.Rejected(503, null, Duration.ofDays(30)), 0, capped, 0.5))
                .isEqualTo(new NextStep.RetryAt(NOW.plus(Duration.ofHours(24)), "HTTP_503"));
    }

    @Test
    void a_retry_after_on_a_status_other_than_429_or_503_is_ignored() {
        assertThat(after(new AttemptResult.Rejected(500, null, Duration.ofHours(2)), 0, jittered, 0.5))
                .isEqualTo(new NextStep.RetryAt(NOW.plusSeconds(10), "HTTP_500"));
    }

    @Test
    void the_last_failure_gives_the_event_up() {
        assertThat(after(new AttemptResult.Unreachable("TIMEOUT"), 3, schedule, 0.5))
                .isEqualTo(new NextStep.GiveUp("TIMEOUT"));
    }

    @Test
    void a_failure_that_leaves_the_endpoint_disabled_holds_the_event_instead_of_retrying_or_giving_up() {
        assertThat(NextStep.after(new AttemptResult.Rejected(410), 0, schedule, NOW, POSTPONE, () -> 0.5, true))
                .isEqualTo(new NextStep.Hold("HTTP_410"));
        assertThat(NextStep.after(new AttemptResult.Unreachable("TIMEOUT"), 3, schedule, NOW, POSTPONE, () -> 0.5,
                true)).as("schedule exhausted, but never given up").isEqualTo(new NextStep.Hold("TIMEOUT"));
        assertThat(NextStep.after(new AttemptResult.Held("ENDPOINT_DISABLED"), 0, schedule, NOW, POSTPONE,
                () -> 0.5, true)).isEqualTo(new NextStep.Hold("ENDPOINT_DISABLED"));
        assertThat(new NextStep.Hold("HTTP_410").dueAgainAt()).isEmpty();
    }

    @Test
    void a_forbidden_target_is_given_up_at_once() {
        assertThat(after(new AttemptResult.Forbidden("ADDRESS_NOT_PUBLIC"), 0, schedule, 0.5))
                .isEqualTo(new NextStep.GiveUp("NOTIFY_URL_FORBIDDEN"));
    }

    @Test
    void an_outage_of_merchant_service_postpones_without_using_the_schedule() {
        assertThat(after(new AttemptResult.Postponed("MERCHANT_SERVICE_UNAVAILABLE"), 3, schedule, 0.5))
                .isEqualTo(new NextStep.Postpone(NOW.plusSeconds(30), "MERCHANT_SERVICE_UNAVAILABLE"));
    }

    @Test
    void a_2xx_is_delivered() {
        assertThat(after(new AttemptResult.Delivered(204), 2, schedule, 0.5)).isInstanceOf(NextStep.MarkDelivered.class);
    }
}
