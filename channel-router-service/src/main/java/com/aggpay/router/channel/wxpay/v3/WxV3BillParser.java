package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.ChannelBill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WeChat Pay's trade bill (交易账单, bill_type ALL): a header row, data rows whose fields each start with a
 * backquote, then a summary header (总交易单数 …) and one summary row. Columns are found by name, so WeChat adding
 * columns does not shift ours. Payment rows (交易状态 SUCCESS) and refund rows (REFUND) become lines; a state this
 * parser does not know fails the whole bill rather than silently dropping money.
 */
final class WxV3BillParser {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WxV3BillParser() {
    }

    static ChannelBill parse(String channel, LocalDate day, String csv) {
        String[] rows = csv.replace("\uFEFF", "").split("\r?\n");
        Map<String, Integer> columns = null;
        List<ChannelBill.Line> lines = new ArrayList<>();
        int declaredCount = -1;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].trim();
            if (row.isEmpty()) {
                continue;
            }
            if (columns == null) {
                columns = header(row);
            } else if (row.startsWith("总交易单数")) {
                if (i + 1 < rows.length) {
                    declaredCount = Integer.parseInt(fields(rows[i + 1]).get(0));
                }
                break;
            } else {
                lines.add(line(columns, fields(row)));
            }
        }
        if (columns == null) {
            throw new IllegalArgumentException("bill has no header row");
        }
        if (declaredCount >= 0 && declaredCount != lines.size()) {
            throw new IllegalArgumentException("bill summary counts " + declaredCount + " rows, found " + lines.size());
        }
        return new ChannelBill(channel, day, List.copyOf(lines));
    }

    private static ChannelBill.Line line(Map<String, Integer> columns, List<String> f) {
        String state = get(columns, f, "交易状态");
        String tradeNo = get(columns, f, "微信订单号");
        String outTradeNo = get(columns, f, "商户订单号");
        OffsetDateTime time = LocalDateTime.parse(get(columns, f, "交易时间"), TIME).atZone(CHINA).toOffsetDateTime();
        long fee = fen(get(columns, f, "手续费")).abs().setScale(0, RoundingMode.HALF_UP).longValueExact();
        return switch (state) {
            case "SUCCESS", "REVOKED" -> new ChannelBill.Line(ChannelBill.Kind.PAYMENT, outTradeNo, tradeNo, null,
                    exactFen(firstPresent(columns, f, "订单金额", "应结订单金额")), fee, state, time);
            case "REFUND" -> new ChannelBill.Line(ChannelBill.Kind.REFUND, outTradeNo, tradeNo,
                    get(columns, f, "商户退款单号"), exactFen(firstPresent(columns, f, "申请退款金额", "退款金额")), fee,
                    get(columns, f, "退款状态"), time);
            default -> throw new IllegalArgumentException("bill row of unknown 交易状态 " + state + " for " + outTradeNo);
        };
    }

    private static Map<String, Integer> header(String row) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = fields(row);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
        for (String needed : List.of("交易时间", "微信订单号", "商户订单号", "交易状态", "商户退款单号", "手续费")) {
            if (!columns.containsKey(needed)) {
                throw new IllegalArgumentException("bill header lacks " + needed);
            }
        }
        return columns;
    }

    /**
     * Fields without their backquote prefix. Data rows are split on ",`" (every value starts with a backquote), so
     * a comma inside a product name does not shift the columns; the header has no backquotes.
     */
    private static List<String> fields(String row) {
        String text = row.trim();
        String[] parts = text.startsWith("`") ? text.substring(1).split(",`", -1) : text.split(",", -1);
        List<String> fields = new ArrayList<>(parts.length);
        for (String p : parts) {
            fields.add(p.trim());
        }
        return fields;
    }

    private static String get(Map<String, Integer> columns, List<String> f, String name) {
        Integer i = columns.get(name);
        return i == null || i >= f.size() ? "" : f.get(i);
    }

    private static String firstPresent(Map<String, Integer> columns, List<String> f, String name, String fallback) {
        String v = get(columns, f, name);
        return v.isEmpty() ? get(columns, f, fallback) : v;
    }

    private static BigDecimal fen(String yuan) {
        return new BigDecimal(yuan.isEmpty() ? "0" : yuan).movePointRight(2);
    }

    /** Yuan text → fen, exact: a bill amount with a fraction of a fen is malformed. */
    private static long exactFen(String yuan) {
        return fen(yuan).abs().longValueExact();
    }
}
