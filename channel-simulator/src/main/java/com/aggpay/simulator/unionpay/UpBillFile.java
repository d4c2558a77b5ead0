package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.bill.BillDay;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * fileTransReq.do (txnType 76, fileType 00): the day's 对账 file, answered inline as UnionPay does:
 * {@code fileContent} = Base64(zlib-deflate(zip)), the zip holding one fixed-width text file
 * {@code INN<yyMMdd>88ZM_<merId>}, one line per money movement, no header. Columns (widths; left-aligned, space-padded,
 * one space between columns; amounts zero-padded fen):
 * <pre>
 * txnCode(3) queryId(21) orderId(40) origQryId(21) origOrderId(40) txnTime(14) txnAmt(12) fee(12) merId(15)
 * </pre>
 * txnCode {@code S22} = QR payment, {@code S30} = refund (then orderId is the refund's, the orig* columns the
 * payment's); txnTime is when the money moved (yyyyMMddHHmmss, Asia/Shanghai). A refund's fee is the fee given back.
 * The real ZM file has many more columns; these are the ones reconciliation reads.
 */
@Component
class UpBillFile {

    static final int[] WIDTHS = {3, 21, 40, 21, 40, 14, 12, 12, 15};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final BillDay bills;

    UpBillFile(BillDay bills) {
        this.bills = bills;
    }

    Map<String, String> answer(UpAccount account, Map<String, String> p) {
        String settleDate = p.get("settleDate");
        if (settleDate == null || settleDate.isEmpty() || p.get("fileType") == null) {
            return UpTransactions.result(UpCodes.MISSING, "settleDate, fileType");
        }
        if (!"00".equals(p.get("fileType")) || !settleDate.matches("[0-9]{4}")) {
            return UpTransactions.result(UpCodes.FORMAT, "fileType 00 and settleDate MMDD");
        }
        LocalDate day;
        try {
            day = latest(MonthDay.parse("--" + settleDate.substring(0, 2) + "-" + settleDate.substring(2)));
        } catch (RuntimeException e) {
            return UpTransactions.result(UpCodes.FORMAT, "settleDate MMDD");
        }
        List<Trade> payments = bills.payments(account.merId(), day);
        List<Refund> refunds = bills.refunds(account.merId(), day);
        if (payments.isEmpty() && refunds.isEmpty()) {
            return UpTransactions.result(UpCodes.NO_FILE, null);
        }
        StringBuilder text = new StringBuilder();
        payments.forEach(t -> line(text, "S22", t.channelTradeNo(), t.outTradeNo(), "", "", t.paidAt(), t.amount(),
                account.merId()));
        refunds.forEach(r -> line(text, "S30", r.channelRefundNo(), r.outRefundNo(), r.trade().channelTradeNo(),
                r.trade().outTradeNo(), r.succeededAt(), r.amount(), account.merId()));
        Map<String, String> r = UpTransactions.result(UpCodes.OK, null);
        r.put("settleDate", settleDate);
        r.put("fileType", "00");
        r.put("fileName", account.merId() + "_" + day.format(DATE) + ".zip");
        r.put("fileContent", Base64.getEncoder().encodeToString(deflate(zip("INN" + day.format(DAY) + "88ZM_"
                + account.merId(), text.toString().getBytes(StandardCharsets.UTF_8)))));
        return r;
    }

    /** MMDD names the most recent such day, today included (China). */
    static LocalDate latest(MonthDay monthDay) {
        LocalDate today = LocalDate.now(TradeNumbers.CHINA);
        LocalDate day = monthDay.atYear(today.getYear());
        return day.isAfter(today) ? monthDay.atYear(today.getYear() - 1) : day;
    }

    private static void line(StringBuilder text, String code, String queryId, String orderId, String origQryId,
                             String origOrderId, OffsetDateTime at, long amount, String merId) {
        String[] columns = {code, queryId, orderId, origQryId, origOrderId, UpNumbers.china(at, UpNumbers.TXN_TIME),
                String.format("%012d", amount), String.format("%012d", BillDay.fee(amount)), merId};
        for (int i = 0; i < columns.length; i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%-" + WIDTHS[i] + "s", columns[i]));
        }
        text.append("\r\n");
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
