package com.aggpay.order.reconciliation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcileTest {

    private static final String CHANNEL = "alipay-a";

    @Test
    void a_bill_that_agrees_with_every_paid_order_is_all_matched() {
        Reconciliation r = Reconcile.compare(CHANNEL,
                List.of(paid("T101", 1000), paid("T201", 250)),
                payments(aPaidOrder("po_1", "T101", 1000), aPaidOrder("po_2", "T201", 250)));

        assertThat(r.discrepancies()).isEmpty();
        assertThat(r.matchedCount()).isEqualTo(2);
        assertThat(r.matchedAmount()).isEqualTo(1250);
    }

    @Test
    void a_trade_only_the_channel_has_is_channel_only() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T101", 1000), paid("INJECTED1", 100)),
                payments(aPaidOrder("po_1", "T101", 1000)));

        assertThat(r.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DiscrepancyType.CHANNEL_ONLY);
            assertThat(d.outTradeNo()).isEqualTo("INJECTED1");
            assertThat(d.channelAmount()).isEqualTo(100);
            assertThat(d.platformAmount()).isNull();
        });
        assertThat(r.matchedCount()).isEqualTo(1);
        assertThat(r.matchedAmount()).isEqualTo(1000);
    }

    @Test
    void a_paid_order_of_the_day_missing_from_the_bill_is_platform_only() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(), payments(aPaidOrder("po_1", "T101", 1000)));

        assertThat(r.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DiscrepancyType.PLATFORM_ONLY);
            assertThat(d.payOrderId()).isEqualTo("po_1");
            assertThat(d.platformAmount()).isEqualTo(1000);
            assertThat(d.channelAmount()).isNull();
        });
        assertThat(r.matchedCount()).isZero();
    }

    @Test
    void paid_orders_of_other_channels_or_days_are_not_expected_on_this_bill() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(), payments(
                new PlatformPayment("po_1", "T101", "wxpay-a", 1000, "SUCCESS", true),
                new PlatformPayment("po_2", "T201", CHANNEL, 1000, "SUCCESS", false)));

        assertThat(r.discrepancies()).isEmpty();
    }

    @Test
    void different_amounts_are_an_amount_mismatch_compared_to_the_fen() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T101", 999)),
                payments(aPaidOrder("po_1", "T101", 1000)));

        assertThat(r.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DiscrepancyType.AMOUNT_MISMATCH);
            assertThat(d.platformAmount()).isEqualTo(1000);
            assertThat(d.channelAmount()).isEqualTo(999);
        });
        assertThat(r.matchedCount()).isZero();
    }

    @Test
    void a_bill_payment_for_an_order_that_is_not_paid_is_a_state_mismatch() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T101", 1000)),
                payments(new PlatformPayment("po_1", "T101", CHANNEL, 1000, "CLOSED", false)));

        assertThat(r.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DiscrepancyType.STATE_MISMATCH);
            assertThat(d.platformState()).isEqualTo("CLOSED");
            assertThat(d.channelStatus()).isEqualTo("TRADE_SUCCESS");
        });
    }

    @Test
    void a_paid_order_the_channel_lists_as_revoked_is_a_state_mismatch() {
        Reconciliation r = Reconcile.compare(CHANNEL,
                List.of(new BillLine(Kind.PAYMENT, "T101", null, 1000, "REVOKED")),
                payments(aPaidOrder("po_1", "T101", 1000)));

        assertThat(r.discrepancies()).extracting(Discrepancy::type).containsExactly(DiscrepancyType.STATE_MISMATCH);
    }

    @Test
    void a_revoked_line_for_an_unpaid_order_agrees_and_is_neither_matched_nor_reported() {
        Reconciliation r = Reconcile.compare(CHANNEL,
                List.of(new BillLine(Kind.PAYMENT, "T101", null, 1000, "REVOKED")),
                payments(new PlatformPayment("po_1", "T101", CHANNEL, 1000, "CLOSED", false)));

        assertThat(r.discrepancies()).isEmpty();
        assertThat(r.matchedCount()).isZero();
    }

    @Test
    void a_trade_the_platform_recorded_on_another_channel_is_a_state_mismatch() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T101", 1000)),
                payments(new PlatformPayment("po_1", "T101", "alipay-b", 1000, "SUCCESS", true)));

        assertThat(r.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DiscrepancyType.STATE_MISMATCH);
            assertThat(d.note()).contains("alipay-b");
        });
    }

    @Test
    void an_orphan_trade_of_a_known_order_is_channel_only_and_names_the_order() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T101", 1000), paid("T102", 1000)),
                new PlatformRecords(List.of(aPaidOrder("po_1", "T102", 1000)),
                        List.of(new PlatformAttempt("po_1", "T101", CHANNEL)), List.of()));

        assertThat(r.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DiscrepancyType.CHANNEL_ONLY);
            assertThat(d.outTradeNo()).isEqualTo("T101");
            assertThat(d.payOrderId()).isEqualTo("po_1");
            assertThat(d.platformState()).isEqualTo("ORPHAN_ATTEMPT");
        });
        assertThat(r.matchedCount()).isEqualTo(1);
    }

    @Test
    void the_same_trade_twice_on_the_bill_reports_the_second_line() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T101", 1000), paid("T101", 1000)),
                payments(aPaidOrder("po_1", "T101", 1000)));

        assertThat(r.matchedCount()).isEqualTo(1);
        assertThat(r.discrepancies()).extracting(Discrepancy::type).containsExactly(DiscrepancyType.CHANNEL_ONLY);
    }

    @Test
    void refunds_match_on_the_refund_number_and_count_against_the_matched_amount() {
        Reconciliation r = Reconcile.compare(CHANNEL,
                List.of(paid("T101", 1000), refunded("T101", "R1", 400)),
                new PlatformRecords(List.of(aPaidOrder("po_1", "T101", 1000)), List.of(),
                        List.of(aSucceededRefund("R1", 400))));

        assertThat(r.discrepancies()).isEmpty();
        assertThat(r.matchedCount()).isEqualTo(2);
        assertThat(r.matchedAmount()).isEqualTo(600);
    }

    @Test
    void refund_differences_are_classified_like_payments() {
        Reconciliation r = Reconcile.compare(CHANNEL,
                List.of(refunded("T101", "R1", 300), refunded("T101", "R2", 100), refunded("T101", "R9", 50)),
                new PlatformRecords(List.of(), List.of(), List.of(aSucceededRefund("R1", 400),
                        new PlatformRefund("rf_2", "po_1", "R2", CHANNEL, 100, "PROCESSING", false),
                        aSucceededRefund("R3", 70))));

        assertThat(r.discrepancies()).extracting(Discrepancy::type, Discrepancy::outRefundNo).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiscrepancyType.AMOUNT_MISMATCH, "R1"),
                org.assertj.core.groups.Tuple.tuple(DiscrepancyType.STATE_MISMATCH, "R2"),
                org.assertj.core.groups.Tuple.tuple(DiscrepancyType.CHANNEL_ONLY, "R9"),
                org.assertj.core.groups.Tuple.tuple(DiscrepancyType.PLATFORM_ONLY, "R3"));
        assertThat(r.discrepancies()).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Kind.REFUND));
    }

    @Test
    void an_empty_bill_against_no_records_is_an_empty_report() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(), PlatformRecords.none());

        assertThat(r.discrepancies()).isEmpty();
        assertThat(r.matchedCount()).isZero();
        assertThat(r.matchedAmount()).isZero();
    }

    @Test
    void a_bill_against_no_records_is_all_channel_only() {
        Reconciliation r = Reconcile.compare(CHANNEL, List.of(paid("T1", 1), refunded("T1", "R1", 1)),
                PlatformRecords.none());

        assertThat(r.discrepancies()).extracting(Discrepancy::type)
                .containsOnly(DiscrepancyType.CHANNEL_ONLY).hasSize(2);
    }

    private static BillLine paid(String outTradeNo, long amount) {
        return new BillLine(Kind.PAYMENT, outTradeNo, null, amount, "TRADE_SUCCESS");
    }

    private static BillLine refunded(String outTradeNo, String outRefundNo, long amount) {
        return new BillLine(Kind.REFUND, outTradeNo, outRefundNo, amount, "REFUND_SUCCESS");
    }

    private static PlatformPayment aPaidOrder(String payOrderId, String outTradeNo, long amount) {
        return new PlatformPayment(payOrderId, outTradeNo, CHANNEL, amount, "SUCCESS", true);
    }

    private static PlatformRefund aSucceededRefund(String outRefundNo, long amount) {
        return new PlatformRefund("rf_" + outRefundNo, "po_1", outRefundNo, CHANNEL, amount, "SUCCESS", true);
    }

    private static PlatformRecords payments(PlatformPayment... orders) {
        return new PlatformRecords(List.of(orders), List.of(), List.of());
    }
}
