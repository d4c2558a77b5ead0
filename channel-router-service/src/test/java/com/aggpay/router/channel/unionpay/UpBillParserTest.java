package com.aggpay.router.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.router.channel.ChannelBill;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class UpBillParserTest {

    private static final String MER = "777290058110001";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void payments_and_refunds_are_read_from_the_zipped_fixed_width_file() throws Exception {
        String text = line("S22", "261126101500000000001", "0123456789abcdef0123456701", "", "", "20261126101500",
                2000, 12) + line("S30", "261126110000000000002", "R1", "261126101500000000001",
                "0123456789abcdef0123456701", "20261126110000", 500, 3);
        ChannelBill bill = UpBillParser.parse("unionpay-a", MER, DAY, fileContent(text));
        assertThat(bill.lines()).containsExactly(
                new ChannelBill.Line(ChannelBill.Kind.PAYMENT, "0123456789abcdef0123456701", "261126101500000000001",
                        null, 2000, 12, "SUCCESS", OffsetDateTime.parse("2026-11-26T10:15:00+08:00")),
                new ChannelBill.Line(ChannelBill.Kind.REFUND, "0123456789abcdef0123456701", "261126101500000000001",
                        "R1", 500, 3, "SUCCESS", OffsetDateTime.parse("2026-11-26T11:00:00+08:00")));
    }

    @Test
    void an_unknown_transaction_code_or_another_merchant_is_an_error_not_a_skipped_line() {
        String unknown = line("S99", "261126101500000000001", "A1234567", "", "", "20261126101500", 1, 0);
        assertThatThrownBy(() -> UpBillParser.parse("unionpay-a", MER, DAY, fileContent(unknown)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UpBillParser.parse("unionpay-a", "777290058110002", DAY,
                fileContent(line("S22", "1", "A1234567", "", "", "20261126101500", 1, 0))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UpBillParser.parse("unionpay-a", MER, DAY, "bm90IGRlZmxhdGVk"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Written here by hand from the documented layout, not with the simulator's code. */
    private static String line(String code, String queryId, String orderId, String origQryId, String origOrderId,
                               String time, long amount, long fee) {
        return String.format("%-3s %-21s %-40s %-21s %-40s %-14s %012d %012d %-15s\r\n", code, queryId, orderId,
                origQryId, origOrderId, time, amount, fee, MER);
    }

    private static String fileContent(String text) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("INN26112688ZM_" + MER));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(zip.toByteArray());
        }
        return Base64.getEncoder().encodeToString(deflated.toByteArray());
    }
}
