package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.ChannelBill;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The answer of fileTransReq.do: {@code fileContent} = Base64(zlib-deflate(zip)); in the zip, the ZM file
 * ({@code INN<yyMMdd>88ZM_<merId>}), one fixed-width line per money movement:
 * <pre>
 * txnCode(3) queryId(21) orderId(40) origQryId(21) origOrderId(40) txnTime(14) txnAmt(12) fee(12) merId(15)
 * </pre>
 * one space between columns; {@code S22} = payment, {@code S30} = refund. Anything else is an error, never skipped:
 * a line silently dropped is a discrepancy reconciliation would never see.
 */
final class UpBillParser {

    private static final int[] WIDTHS = {3, 21, 40, 21, 40, 14, 12, 12, 15};
    private static final long MAX_INFLATED = 64L * 1024 * 1024;

    private UpBillParser() {
    }

    static ChannelBill parse(String channel, String merId, LocalDate day, String fileContent) {
        byte[] zip = inflate(Base64.getMimeDecoder().decode(fileContent));
        List<ChannelBill.Line> lines = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().contains("ZM_")) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int n = 0;
                    for (String line : text.split("\r?\n")) {
                        n++;
                        if (!line.isBlank()) {
                            lines.add(line(line, n, merId));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("UnionPay bill zip unreadable: " + e.getMessage());
        }
        return new ChannelBill(channel, day, List.copyOf(lines));
    }

    static ChannelBill.Line line(String line, int n, String merId) {
        String[] c = columns(line, n);
        if (!merId.equals(c[8])) {
            throw new IllegalStateException("UnionPay bill line " + n + " is for another merchant");
        }
        long amount = UpMapper.fen(trimZeros(c[6]));
        long fee = c[7].matches("[0-9]{12}") ? Long.parseLong(c[7]) : -1;
        if (amount < 0 || fee < 0) {
            throw new IllegalStateException("UnionPay bill line " + n + " has a bad amount or fee");
        }
        var time = parseTime(c[5], n);
        switch (c[0]) {
            case "S22":
                return new ChannelBill.Line(ChannelBill.Kind.PAYMENT, c[2], c[1], null, amount, fee, "SUCCESS", time);
            case "S30":
                return new ChannelBill.Line(ChannelBill.Kind.REFUND, c[4], c[3], c[2], amount, fee, "SUCCESS", time);
            default:
                throw new IllegalStateException("UnionPay bill line " + n + " has unknown txnCode " + c[0]);
        }
    }

    private static String[] columns(String line, int n) {
        String[] c = new String[WIDTHS.length];
        int at = 0;
        for (int i = 0; i < WIDTHS.length; i++) {
            if (at > line.length()) {
                throw new IllegalStateException("UnionPay bill line " + n + " is too short");
            }
            int end = at + WIDTHS[i];
            c[i] = line.substring(at, Math.min(end, line.length())).trim();
            at = end + 1;
        }
        return c;
    }

    private static String trimZeros(String digits) {
        String s = digits.replaceFirst("^0+", "");
        return s.isEmpty() ? "0" : s;
    }

    private static java.time.OffsetDateTime parseTime(String text, int n) {
        try {
            return LocalDateTime.parse(text, UpMapper.TXN_TIME).atZone(UpMapper.CHINA).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("UnionPay bill line " + n + " has a bad txnTime");
        }
    }

    /** zlib inflate, bounded: a hostile or broken answer must not exhaust memory. */
    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("UnionPay bill content is truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalStateException("UnionPay bill content is too large");
                }
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("UnionPay bill content is not deflated data");
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
