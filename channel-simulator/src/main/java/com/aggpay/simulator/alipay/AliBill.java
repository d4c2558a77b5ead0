package com.aggpay.simulator.alipay;

import com.aggpay.simulator.bill.BillDay;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A trade bill as Alipay's bill_download_url serves it: a zip (entry names in GBK) of two GBK CSV files, the
 * 业务明细 (one row per payment 交易 and refund 退款) and its 汇总, each framed by {@code #} comment lines. Every field
 * is followed by a tab before its comma, which keeps spreadsheets from mangling long numbers. Refund rows carry
 * negative amounts and the request number (退款批次号/请求号); fees (服务费) are negative for payments.
 */
final class AliBill {

    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            + "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
    private static final DateTimeFormatter DAY_CN = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final DateTimeFormatter NOW_CN = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");

    private AliBill() {
    }

    /** The seller's Alipay user id, as the bill's file names and 账号 line show it. */
    static String userId(String appId) {
        return "2088" + appId.substring(4);
    }

    static byte[] zip(String appId, LocalDate day, List<Trade> payments, List<Refund> refunds) {
        String base = userId(appId) + "_" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
            zip.putNextEntry(new ZipEntry(base + "_业务明细.csv"));
            zip.write(details(appId, day, payments, refunds).getBytes(GBK));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(base + "_业务明细(汇总).csv"));
            zip.write(summary(appId, day, payments, refunds).getBytes(GBK));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String details(String appId, LocalDate day, List<Trade> payments, List<Refund> refunds) {
        StringBuilder s = preamble("业务明细查询", appId, day, "业务明细列表");
        s.append(HEADER).append("\r\n");
        for (Trade t : payments) {
            long fee = BillDay.fee(t.amount());
            row(s, t, "交易", time(t.createdAt()), time(t.paidAt()), AliTrades.yuan(t.amount()), "", "-" + AliTrades.yuan(fee));
        }
        for (Refund r : refunds) {
            long fee = BillDay.fee(r.amount());
            row(s, r.trade(), "退款", time(r.trade().createdAt()), time(r.succeededAt()), "-" + AliTrades.yuan(r.amount()),
                    r.outRefundNo(), AliTrades.yuan(fee));
        }
        s.append("#-----------------------------------------业务明细列表结束------------------------------------\r\n");
        s.append("#交易合计：").append(payments.size()).append("笔，退款合计：").append(refunds.size()).append("笔\r\n");
        s.append("#导出时间：[").append(ZonedDateTime.now(TradeNumbers.CHINA).format(NOW_CN)).append("]\r\n");
        return s.toString();
    }

    private static String summary(String appId, LocalDate day, List<Trade> payments, List<Refund> refunds) {
        long paid = payments.stream().mapToLong(Trade::amount).sum();
        long refunded = refunds.stream().mapToLong(Refund::amount).sum();
        long fees = payments.stream().mapToLong(t -> BillDay.fee(t.amount())).sum()
                - refunds.stream().mapToLong(r -> BillDay.fee(r.amount())).sum();
        StringBuilder s = preamble("业务汇总查询", appId, day, "业务汇总列表");
        s.append("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,"
                + "服务费（元）,分润（元）,实收净额（元）\r\n");
        String net = AliTrades.yuan(paid - refunded - fees);
        s.append(fields("合计", "", Integer.toString(payments.size()), Integer.toString(refunds.size()),
                AliTrades.yuan(paid - refunded), AliTrades.yuan(paid - refunded), "0.00", "0.00", "0.00",
                (fees > 0 ? "-" : "") + AliTrades.yuan(Math.abs(fees)), "0.00", net));
        s.append("#-----------------------------------------业务汇总列表结束-----------------------------------\r\n");
        s.append("#导出时间：[").append(ZonedDateTime.now(TradeNumbers.CHINA).format(NOW_CN)).append("]\r\n");
        return s.toString();
    }

    private static StringBuilder preamble(String title, String appId, LocalDate day, String list) {
        return new StringBuilder("#支付宝").append(title).append("\r\n")
                .append("#账号：[").append(userId(appId)).append("]\r\n")
                .append("#起始日期：[").append(day.format(DAY_CN)).append(" 00:00:00]   终止日期：[")
                .append(day.plusDays(1).format(DAY_CN)).append(" 00:00:00]\r\n")
                .append("#-----------------------------------------").append(list)
                .append("----------------------------------------\r\n");
    }

    private static void row(StringBuilder s, Trade t, String type, String created, String finished, String amount,
                            String refundNo, String fee) {
        String subject = t.subject() == null ? "" : t.subject().replace(",", "，");
        s.append(fields(t.channelTradeNo(), t.outTradeNo(), type, subject, created, finished, "", "", "", "",
                "sim***@example.com", amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00",
                refundNo, fee, "0.00", ""));
    }

    private static String fields(String... values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> v + "\t").toList()) + "\r\n";
    }

    private static String time(OffsetDateTime time) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).format(AliTrades.TIME);
    }
}
