package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.bill.BillDay;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A trade bill (交易账单, bill_type ALL) in WeChat's CSV layout: a header row, one row per payment (交易状态 SUCCESS)
 * and per refund (REFUND), each field prefixed with a backquote so spreadsheets keep long numbers as text, then the
 * summary header and row. Amounts in yuan; fees with five decimals, as WeChat writes them.
 */
final class WxV3Bill {

    static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
            + "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    static final String SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WxV3Bill() {
    }

    static String csv(WxV3Account account, List<Trade> payments, List<Refund> refunds) {
        StringBuilder s = new StringBuilder(HEADER).append("\r\n");
        long paid = 0;
        long refunded = 0;
        long fees = 0;
        for (Trade t : payments) {
            long fee = BillDay.fee(t.amount());
            row(s, time(t.paidAt()), account, t, "SUCCESS", yuan(t.amount()), "0", "0", "0.00", "", "", fee5(fee),
                    yuan(t.amount()), "0.00");
            paid += t.amount();
            fees += fee;
        }
        for (Refund r : refunds) {
            long fee = BillDay.fee(r.amount());
            row(s, time(r.succeededAt()), account, r.trade(), "REFUND", "0.00", r.channelRefundNo(), r.outRefundNo(),
                    yuan(r.amount()), "ORIGINAL", "SUCCESS", fee5(-fee), "0.00", yuan(r.amount()));
            refunded += r.amount();
            fees -= fee;
        }
        s.append(SUMMARY_HEADER).append("\r\n");
        List<String> summary = List.of(Integer.toString(payments.size() + refunds.size()), yuan(paid), yuan(refunded),
                "0.00", fee5(fees), yuan(paid), yuan(refunded));
        s.append(String.join(",", summary.stream().map(v -> "`" + v).toList())).append("\r\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String time, WxV3Account account, Trade t, String state, String settled,
                            String refundId, String outRefundNo, String refundAmount, String refundType,
                            String refundState, String fee, String orderAmount, String requestedRefund) {
        List<String> fields = new ArrayList<>(List.of(time, account.appid(), account.mchid(), "0", "",
                t.channelTradeNo(), t.outTradeNo(), t.payerId() != null ? t.payerId() : "oSim" + t.account(), t.kind(),
                state, "OTHERS", t.currency(), settled, "0.00", refundId, outRefundNo, refundAmount, "0.00", refundType,
                refundState, t.subject() == null ? "" : t.subject().replace(",", "，"), "", fee, BillDay.feeRate(),
                orderAmount, requestedRefund, ""));
        s.append(String.join(",", fields.stream().map(v -> "`" + v).toList())).append("\r\n");
    }

    private static String time(OffsetDateTime time) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).format(TIME);
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String fee5(long fen) {
        return BigDecimal.valueOf(fen, 2).setScale(5).toPlainString();
    }
}
