package com.aggpay.router.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.router.channel.ChannelBill;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The trade-bill parser against a fixture in Alipay's documented 业务明细 layout, zipped in GBK as Alipay serves it. */
class AliBillParserTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void payments_and_refunds_of_the_details_file_become_lines_in_fen() throws IOException {
        ChannelBill bill = AliBillParser.parseZip("alipay-a", DAY, alipayZip(fixture()));

        assertThat(bill.lines()).hasSize(3);
        ChannelBill.Line payment = bill.lines().get(0);
        assertThat(payment.kind()).isEqualTo(ChannelBill.Kind.PAYMENT);
        assertThat(payment.outTradeNo()).isEqualTo("ALI2026112600001");
        assertThat(payment.channelTradeNo()).isEqualTo("2026112622001400000000000001");
        assertThat(payment.amount()).isEqualTo(1234);
        assertThat(payment.fee()).isEqualTo(7);
        assertThat(payment.time()).isEqualTo(OffsetDateTime.parse("2026-11-26T10:00:05+08:00"));

        ChannelBill.Line refund = bill.lines().get(1);
        assertThat(refund.kind()).isEqualTo(ChannelBill.Kind.REFUND);
        assertThat(refund.outRefundNo()).isEqualTo("RF2026112600001");
        assertThat(refund.amount()).as("negative in the bill, positive here").isEqualTo(234);
        assertThat(refund.fee()).isEqualTo(1);
    }

    @Test
    void a_comma_inside_a_subject_does_not_shift_the_columns() throws IOException {
        ChannelBill.Line tea = AliBillParser.parse("alipay-a", DAY, fixture()).lines().get(2);
        assertThat(tea.amount()).isEqualTo(1);
        assertThat(tea.outTradeNo()).isEqualTo("ALI2026112600002");
    }

    @Test
    void an_unknown_business_type_fails_the_bill() throws IOException {
        String odd = fixture().replace("退款\t,", "冻结\t,");
        assertThatThrownBy(() -> AliBillParser.parse("alipay-a", DAY, odd)).hasMessageContaining("冻结");
    }

    @Test
    void an_amount_finer_than_a_fen_fails_the_bill() throws IOException {
        String odd = fixture().replace(",12.34\t,12.34\t", ",12.345\t,12.345\t");
        assertThatThrownBy(() -> AliBillParser.parse("alipay-a", DAY, odd)).isInstanceOf(ArithmeticException.class);
    }

    /** Detail and summary files, GBK content and GBK entry names, as bill_download_url serves them. */
    private static byte[] alipayZip(String details) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, AliBillParser.GBK)) {
            zip.putNextEntry(new ZipEntry("2088000000000001_20261126_业务明细(汇总).csv"));
            zip.write("#支付宝业务汇总查询\r\n".getBytes(AliBillParser.GBK));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("2088000000000001_20261126_业务明细.csv"));
            zip.write(details.getBytes(AliBillParser.GBK));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static String fixture() throws IOException {
        try (InputStream in = AliBillParserTest.class.getResourceAsStream("/bills/alipay-trade-details.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
