package com.aggpay.router.channel.wxpay.v2;

import com.aggpay.router.channel.ChannelBill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a v2 {@code bill_type=ALL} bill: a header line of column names, one line per payment or refund whose
 * fields each start with a backquote, then a summary header ({@code 总交易单数,…}) and its line. Columns are found
 * by name, so WeChat adding a column breaks nothing; a bill whose line count disagrees with its summary is refused
 * (a truncated download must not reconcile as "fewer trades").
 */
final class WxV2BillParser {

    private WxV2BillParser() {
    }

    static ChannelBill parse(String channel, LocalDate day, String text) {
        List<String> rows = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (rows.isEmpty() || rows.get(0).startsWith("`")) {
            throw new IllegalStateException("v2 bill has no header line");
        }
        Map<String, Integer> column = new HashMap<>();
        String[] names = rows.get(0).replace("\uFEFF", "").split(",");
        for (int i = 0; i < names.length; i++) {
            column.put(names[i].strip(), i);
        }
        List<ChannelBill.Line> lines = new ArrayList<>();
        int summaryAt = -1;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).startsWith("总交易单数")) {
                summaryAt = i;
                break;
            }
            lines.add(line(column, fields(rows.get(i))));
        }
        if (summaryAt < 0 || summaryAt + 1 >= rows.size()) {
            throw new IllegalStateException("v2 bill has no summary: truncated?");
        }
        long stated = Long.parseLong(fields(rows.get(summaryAt + 1)).get(0));
        if (stated != lines.size()) {
            throw new IllegalStateException("v2 bill states " + stated + " lines but has " + lines.size());
        }
        return new ChannelBill(channel, day, List.copyOf(lines));
    }

    private static ChannelBill.Line line(Map<String, Integer> column, List<String> f) {
        String state = get(column, f, "交易状态");
        OffsetDateTime time = WxV2Mapper.wxSeconds(get(column, f, "交易时间"));
        long fee = fen(get(column, f, "手续费")).abs().longValue();
        if ("REFUND".equals(state)) {
            String requested = get(column, f, "申请退款金额");
            long amount = fen(requested.isEmpty() ? get(column, f, "退款金额") : requested).longValueExact();
            return new ChannelBill.Line(ChannelBill.Kind.REFUND, get(column, f, "商户订单号"),
                    get(column, f, "微信订单号"), get(column, f, "商户退款单号"), amount, fee,
                    get(column, f, "退款状态"), time);
        }
        String ordered = get(column, f, "订单金额");
        long amount = fen(ordered.isEmpty() ? get(column, f, "应结订单金额") : ordered).longValueExact();
        return new ChannelBill.Line(ChannelBill.Kind.PAYMENT, get(column, f, "商户订单号"), get(column, f, "微信订单号"),
                null, amount, fee, state, time);
    }

    /** The fields of one line, backquotes removed. Split on ",`" so a comma inside a product name stays in it. */
    static List<String> fields(String row) {
        String body = row.startsWith("`") ? row.substring(1) : row;
        List<String> fields = new ArrayList<>();
        for (String f : body.split(",`", -1)) {
            fields.add(f.strip());
        }
        return fields;
    }

    private static String get(Map<String, Integer> column, List<String> f, String name) {
        Integer i = column.get(name);
        if (i == null) {
            throw new IllegalStateException("v2 bill lacks the column " + name);
        }
        return i < f.size() ? f.get(i) : "";
    }

    /** Yuan text (fees have five decimals) → fen, half up; the sign is kept. */
    private static BigDecimal fen(String yuan) {
        if (yuan == null || yuan.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(yuan).movePointRight(2).setScale(0, RoundingMode.HALF_UP);
    }
}
