package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelBill;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads Alipay's trade bill download: a zip (entry names in GBK) holding GBK CSV files; the 业务明细 file (not its
 * 汇总) lists one row per payment (业务类型 交易) and refund (退款) between {@code #} comment lines. Alipay ends every
 * field with a tab before the comma; columns are found by header name. Refund rows carry negative amounts and the
 * out_request_no in 退款批次号/请求号. A 业务类型 this parser does not know fails the bill loudly.
 */
final class AliBillParser {

    static final Charset GBK = Charset.forName("GBK");

    private AliBillParser() {
    }

    static ChannelBill parseZip(String channel, LocalDate day, byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().contains("业务明细") && !entry.getName().contains("汇总")) {
                    return parse(channel, day, new String(in.readAllBytes(), GBK));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("bill zip has no 业务明细 file");
    }

    static ChannelBill parse(String channel, LocalDate day, String csv) {
        Map<String, Integer> columns = null;
        List<ChannelBill.Line> lines = new ArrayList<>();
        for (String raw : csv.replace("\uFEFF", "").split("\r?\n")) {
            String row = raw.strip();
            if (row.isEmpty()) {
                continue;
            }
            if (row.startsWith("#")) {
                if (columns != null) {
                    break;
                }
                continue;
            }
            if (columns == null) {
                columns = header(row);
            } else {
                lines.add(line(columns, fields(row)));
            }
        }
        if (columns == null) {
            throw new IllegalArgumentException("bill has no header row");
        }
        return new ChannelBill(channel, day, List.copyOf(lines));
    }

    private static ChannelBill.Line line(Map<String, Integer> columns, List<String> f) {
        String type = get(columns, f, "业务类型");
        long amount = fen(get(columns, f, "订单金额（元）"));
        long fee = fen(get(columns, f, "服务费（元）"));
        var time = LocalDateTime.parse(get(columns, f, "完成时间"), AliMapper.TIME).atZone(AliMapper.CHINA)
                .toOffsetDateTime();
        String tradeNo = get(columns, f, "支付宝交易号");
        String outTradeNo = get(columns, f, "商户订单号");
        return switch (type) {
            case "交易" -> new ChannelBill.Line(ChannelBill.Kind.PAYMENT, outTradeNo, tradeNo, null, amount, fee,
                    "TRADE_SUCCESS", time);
            case "退款" -> new ChannelBill.Line(ChannelBill.Kind.REFUND, outTradeNo, tradeNo,
                    get(columns, f, "退款批次号/请求号"), amount, fee, "REFUND_SUCCESS", time);
            default -> throw new IllegalArgumentException("bill row of unknown 业务类型 " + type + " for " + outTradeNo);
        };
    }

    private static Map<String, Integer> header(String row) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = fields(row);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
        for (String needed : List.of("支付宝交易号", "商户订单号", "业务类型", "完成时间", "订单金额（元）",
                "退款批次号/请求号", "服务费（元）")) {
            if (!columns.containsKey(needed)) {
                throw new IllegalArgumentException("bill header lacks " + needed);
            }
        }
        return columns;
    }

    /** Split on the tab-comma Alipay writes after each value, so a comma inside a subject does not shift columns. */
    private static List<String> fields(String row) {
        String[] parts = row.contains("\t,") ? row.split("\t,", -1) : row.split(",", -1);
        List<String> fields = new ArrayList<>(parts.length);
        for (String p : parts) {
            fields.add(p.strip());
        }
        return fields;
    }

    private static String get(Map<String, Integer> columns, List<String> f, String name) {
        Integer i = columns.get(name);
        return i == null || i >= f.size() ? "" : f.get(i);
    }

    /** Yuan → fen, sign dropped (the line's kind says the direction), exact to the fen. */
    private static long fen(String yuan) {
        return yuan.isEmpty() ? 0 : new BigDecimal(yuan).abs().movePointRight(2).longValueExact();
    }
}
