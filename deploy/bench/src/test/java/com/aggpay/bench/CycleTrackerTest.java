package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CycleTrackerTest {

    private static final long MS = 1_000_000;

    @Test
    void latency_runs_from_the_pay_answer_to_the_first_delivery_and_repeats_are_counted_not_timed() {
        CycleTracker tracker = new CycleTracker();
        tracker.created("po_1", true);
        tracker.paid("po_1", 100 * MS);
        tracker.delivered("evt_1", "po_1", 130 * MS);
        tracker.delivered("evt_1", "po_1", 900 * MS);

        CycleTracker.Summary s = tracker.summary();

        assertThat(s.expected()).isEqualTo(1);
        assertThat(s.received()).isEqualTo(1);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.deliveries()).isEqualTo(2);
        assertThat(s.latency().getMaxValue()).isBetween(29_000L, 31_000L); // µs
    }

    @Test
    void a_paid_order_without_a_webhook_is_missing_and_warm_up_orders_are_not_expected() {
        CycleTracker tracker = new CycleTracker();
        tracker.created("po_warm", false);
        tracker.paid("po_warm", MS);
        tracker.created("po_lost", true);
        tracker.paid("po_lost", MS);
        tracker.created("po_unpaid", true);

        assertThat(tracker.missing()).isEqualTo(1);
        assertThat(tracker.summary().expected()).isEqualTo(1);
        assertThat(tracker.summary().missing()).isEqualTo(1);
    }

    @Test
    void a_webhook_that_overtakes_the_pay_answer_counts_as_zero_latency() {
        CycleTracker tracker = new CycleTracker();
        tracker.created("po_1", true);
        tracker.delivered("evt_1", "po_1", 90 * MS);
        tracker.paid("po_1", 100 * MS);

        CycleTracker.Summary s = tracker.summary();

        assertThat(s.beforePayAnswer()).isEqualTo(1);
        assertThat(s.latency().getMaxValue()).isZero();
    }

    @Test
    void deliveries_for_orders_of_no_one_in_this_run_are_counted_apart() {
        CycleTracker tracker = new CycleTracker();
        tracker.delivered("evt_9", "po_other", MS);
        tracker.badSignature();

        assertThat(tracker.summary().unknownOrders()).isEqualTo(1);
        assertThat(tracker.summary().badSignatures()).isEqualTo(1);
    }
}
