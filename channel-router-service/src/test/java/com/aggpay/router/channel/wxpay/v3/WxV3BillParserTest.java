package com.aggpay.router.channel.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.router.channel.ChannelBill;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The trade-bill parser against a fixture in WeChat Pay's documented ALL-bill layout. */
class WxV3BillParserTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void payments_and_refunds_become_lines_in_fen() throws IOException {
        ChannelBill bill = WxV3BillParser.parse("wxpay-a", DAY, fixture());

        assertThat(bill.lines()).hasSize(3);
        ChannelBill.Line payment = bill.lines().get(0);
        assertThat(payment.kind()).isEqualTo(ChannelBill.Kind.PAYMENT);
        assertThat(payment.outTradeNo()).isEqualTo("WX2026112600001");
        assertThat(payment.channelTradeNo()).isEqualTo("4200000001202611260000000001");
        assertThat(payment.amount()).isEqualTo(1234);
        assertThat(payment.fee()).isEqualTo(7);
        assertThat(payment.time()).isEqualTo(OffsetDateTime.parse("2026-11-26T10:00:05+08:00"));

        ChannelBill.Line refund = bill.lines().get(1);
        assertThat(refund.kind()).isEqualTo(ChannelBill.Kind.REFUND);
        assertThat(refund.outRefundNo()).isEqualTo("RF2026112600001");
        assertThat(refund.amount()).isEqualTo(234);
        assertThat(refund.fee()).isEqualTo(1);
        assertThat(refund.status()).isEqualTo("SUCCESS");
    }

    @Test
    void a_comma_inside_a_product_name_does_not_shift_the_columns() throws IOException {
        ChannelBill.Line tea = WxV3BillParser.parse("wxpay-a", DAY, fixture()).lines().get(2);
        assertThat(tea.amount()).isEqualTo(1);
        assertThat(tea.outTradeNo()).isEqualTo("WX2026112600002");
    }

    @Test
    void an_unknown_trade_state_fails_the_bill_instead_of_dropping_money() throws IOException {
        String odd = fixture().replace("`REFUND,", "`SOMETHING_NEW,");
        assertThatThrownBy(() -> WxV3BillParser.parse("wxpay-a", DAY, odd)).hasMessageContaining("SOMETHING_NEW");
    }

    @Test
    void a_summary_that_disagrees_with_the_rows_fails_the_bill() throws IOException {
        String truncated = fixture().replaceFirst("(?m)^`2026-11-26 23:59:59.*\\R", "");
        assertThatThrownBy(() -> WxV3BillParser.parse("wxpay-a", DAY, truncated)).hasMessageContaining("summary");
    }

    private static String fixture() throws IOException {
        try (InputStream in = WxV3BillParserTest.class.getResourceAsStream("/bills/wxpay-v3-tradebill-all.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
