package com.aggpay.order.statement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementCsvTest {

    private static final int RATE = 3800;

    @Test
    void fees_are_rounded_half_up_to_the_fen_per_transaction() {
        assertThat(Fees.fee(1, RATE)).isZero();          // 0.0038
        assertThat(Fees.fee(133, RATE)).isEqualTo(1);    // 0.5054
        assertThat(Fees.fee(131, RATE)).isZero();        // 0.4978
        assertThat(Fees.fee(1000, RATE)).isEqualTo(4);   // 3.8
        assertThat(Fees.fee(125, 4000)).isEqualTo(1);    // exactly 0.5 rounds up
        assertThat(Fees.fee(100_000_000, 1_000_000)).isEqualTo(100_000_000);
    }

    @Test
    void a_negative_amount_is_a_programming_error() {
        assertThatThrownBy(() -> Fees.fee(-1, RATE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_statement_states_the_rule_lists_each_line_and_totals_them() {
        String csv = StatementCsv.render("demo-app", LocalDate.of(2026, 11, 26), List.of(
                payment("po_1", 1), payment("po_2", 133), payment("po_3", 1000), refund("po_3", 400)),
                Map.of("alipay-a", RATE));

        List<String> rows = csv.lines().toList();
        assertThat(rows.get(1)).startsWith("# fee = round_half_up(amount * rate)");
        assertThat(rows.get(2)).isEqualTo(StatementCsv.HEADER);
        assertThat(rows.get(3)).startsWith("PAYMENT,po_1,A-po_1,,,alipay-a,ALI_QR,1,0,1,");
        assertThat(rows.get(4)).startsWith("PAYMENT,po_2,A-po_2,,,alipay-a,ALI_QR,133,1,132,");
        assertThat(rows.get(5)).startsWith("PAYMENT,po_3,A-po_3,,,alipay-a,ALI_QR,1000,4,996,");
        // 400 * 0.38 % = 1.52 -> 2 fen go back to the merchant
        assertThat(rows.get(6)).startsWith("REFUND,po_3,A-po_3,rf_po_3,R-po_3,alipay-a,ALI_QR,-400,-2,-398,");
        assertThat(rows.get(7)).isEqualTo("TOTAL,,,,,,,734,3,731,");
        assertThat(rows).hasSize(8);
    }

    @Test
    void an_empty_day_still_has_its_header_and_a_zero_total() {
        String csv = StatementCsv.render("demo-app", LocalDate.of(2026, 11, 26), List.of(), Map.of());

        assertThat(csv.lines()).contains(StatementCsv.HEADER, "TOTAL,,,,,,,0,0,0,");
    }

    @Test
    void a_line_on_a_channel_without_a_rate_is_refused_rather_than_priced_at_zero() {
        assertThatThrownBy(() -> StatementCsv.render("demo-app", LocalDate.of(2026, 11, 26),
                List.of(payment("po_1", 1)), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cells_are_quoted_and_formula_starts_are_neutralised() {
        assertThat(StatementCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(StatementCsv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(StatementCsv.cell("A-1_x")).isEqualTo("A-1_x");
    }

    @Test
    void an_order_is_priced_at_the_rate_it_was_taken_at_not_at_the_channels_current_rate() {
        StatementLine takenAt6000 = new StatementLine(StatementLine.Type.PAYMENT, "po_1", "A1", null, null, "wxpay-a",
                "WX_NATIVE", 1000, OffsetDateTime.parse("2026-11-26T10:00:00+08:00"), 6000);

        String csv = StatementCsv.render("demo-app", LocalDate.of(2026, 11, 26), List.of(takenAt6000),
                Map.of("wxpay-a", RATE));

        assertThat(csv).contains(",1000,6,994,").contains("TOTAL,,,,,,,1000,6,994,");
    }

    private static StatementLine payment(String payOrderId, long amount) {
        return new StatementLine(StatementLine.Type.PAYMENT, payOrderId, "A-" + payOrderId, null, null, "alipay-a",
                "ALI_QR", amount, OffsetDateTime.parse("2026-11-26T10:00:00+08:00"));
    }

    private static StatementLine refund(String payOrderId, long amount) {
        return new StatementLine(StatementLine.Type.REFUND, payOrderId, "A-" + payOrderId, "rf_" + payOrderId,
                "R-" + payOrderId, "alipay-a", "ALI_QR", amount, OffsetDateTime.parse("2026-11-26T11:00:00+08:00"));
    }
}
