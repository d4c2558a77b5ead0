package com.aggpay.order.statement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A merchant's daily statement as CSV: a comment stating the fee rule, a header row, one row per payment and refund
 * in the order given, and a totals row. Refund rows carry negative amount, fee and net (the fee goes back).
 */
public final class StatementCsv {

    static final String HEADER = "type,pay_order_id,mch_order_no,refund_id,mch_refund_no,channel,pay_way,amount,fee,"
            + "net,time";

    private StatementCsv() {
    }

    /**
     * @param feeRatePpm each channel's current rate, for lines without the rate their order was taken at; a line
     *                   with neither is an error, never a zero fee
     */
    public static String render(String appId, LocalDate day, List<StatementLine> lines,
                                Map<String, Integer> feeRatePpm) {
        StringBuilder csv = new StringBuilder();
        csv.append("# statement of app ").append(cell(appId)).append(" for ").append(day)
                .append(" (Asia/Shanghai); amounts in fen\n");
        csv.append("# fee = round_half_up(amount * rate), per transaction; a refund reverses "
                + "round_half_up(refund amount * rate)\n");
        csv.append(HEADER).append('\n');
        long amount = 0;
        long fee = 0;
        for (StatementLine l : lines) {
            Integer rate = l.feeRatePpm() != null ? l.feeRatePpm() : feeRatePpm.get(l.channel());
            if (rate == null) {
                throw new IllegalArgumentException("no fee rate for channel " + l.channel());
            }
            long sign = l.type() == StatementLine.Type.REFUND ? -1 : 1;
            long a = sign * l.amount();
            long f = sign * Fees.fee(l.amount(), rate);
            amount += a;
            fee += f;
            csv.append(String.join(",", l.type().name(), cell(l.payOrderId()), cell(l.mchOrderNo()),
                    cell(l.refundId()), cell(l.mchRefundNo()), cell(l.channel()), cell(l.payWay()),
                    Long.toString(a), Long.toString(f), Long.toString(a - f), l.time().toString())).append('\n');
        }
        csv.append(String.join(",", "TOTAL", "", "", "", "", "", "", Long.toString(amount), Long.toString(fee),
                Long.toString(amount - fee), "")).append('\n');
        return csv.toString();
    }

    /**
     * RFC 4180 quoting, and a leading quote mark for cells a spreadsheet would run as a formula (CSV injection);
     * merchant-chosen numbers are restricted to {@code [A-Za-z0-9_-]} today, this keeps it safe if that widens.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
