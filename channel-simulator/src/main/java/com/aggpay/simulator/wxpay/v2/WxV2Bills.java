package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code /pay/downloadbill}: the day's bill as WeChat's text format, not XML and not signed: a header line, one
 * line per payment or refund with every field prefixed by a backquote (so spreadsheets keep long numbers as
 * text), then a summary header and line. Amounts are yuan; fees have five decimals (the fee rate here is 0.6%).
 * A day without trades answers {@code return_code FAIL}, {@code No Bill Exist}, error_code 20002, as WeChat does.
 */
@Component
public class WxV2Bills {

    static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
            + "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    static final String SUMMARY_HEADER = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
    private static final DateTimeFormatter BILL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Fee per fen of amount, in units of 0.00001 yuan: 0.6% of 0.01 yuan = 0.00006 yuan. */
    private static final long FEE_UNITS_PER_FEN = 6;

    private final Ledger ledger;
    private final WxV2Refunds refunds;

    public WxV2Bills(Ledger ledger, WxV2Refunds refunds) {
        this.ledger = ledger;
        this.refunds = refunds;
    }

    ResponseEntity<byte[]> download(WxV2Call call) {
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(call.param("bill_date")), BILL_DATE);
        } catch (DateTimeParseException e) {
            return failure("invalid bill_date", "20001");
        }
        String billType = call.params().getOrDefault("bill_type", "ALL");
        if (!List.of("ALL", "SUCCESS", "REFUND").contains(billType)) {
            return failure("invalid bill_type", "20001");
        }
        String mchId = call.account().mchId();
        List<String> lines = new ArrayList<>();
        long paid = 0;
        long refunded = 0;
        long fees = 0;
        if (!"REFUND".equals(billType)) {
            for (Trade t : ledger.trades(mchId)) {
                if (t.paidAt() != null && day.equals(chinaDay(t.paidAt()))) {
                    long fee = t.amount() * FEE_UNITS_PER_FEN;
                    lines.add(line(t.paidAt(), t.appId(), mchId, t.channelTradeNo(), t.outTradeNo(), t.payerId(),
                            t.kind(), "SUCCESS", t.currency(), yuan(t.amount()), "0", "0", "0.00", "", "",
                            t.subject(), BigDecimal.valueOf(fee, 5).toPlainString(),
                            yuan(t.amount()), "0.00"));
                    paid += t.amount();
                    fees += fee;
                }
            }
        }
        if (!"SUCCESS".equals(billType)) {
            for (WxV2Refund r : refunds.refunds(mchId).stream()
                    .sorted(Comparator.comparing(WxV2Refund::successTime)).toList()) {
                if (day.equals(chinaDay(r.successTime()))) {
                    Trade t = ledger.find(mchId, r.outTradeNo()).orElseThrow();
                    long fee = r.refundFee() * FEE_UNITS_PER_FEN;
                    lines.add(line(r.successTime(), t.appId(), mchId, t.channelTradeNo(), t.outTradeNo(),
                            t.payerId(), t.kind(), "REFUND", t.currency(), "0.00", r.refundId(), r.outRefundNo(),
                            yuan(r.refundFee()), "ORIGINAL", r.status(), t.subject(),
                            BigDecimal.valueOf(-fee, 5).toPlainString(), yuan(t.amount()), yuan(r.refundFee())));
                    refunded += r.refundFee();
                    fees -= fee;
                }
            }
        }
        if (lines.isEmpty()) {
            return failure("No Bill Exist", "20002");
        }
        StringBuilder bill = new StringBuilder(HEADER).append("\r\n");
        lines.forEach(l -> bill.append(l).append("\r\n"));
        bill.append(SUMMARY_HEADER).append("\r\n");
        bill.append('`').append(lines.size()).append(",`").append(yuan(paid)).append(",`").append(yuan(refunded))
                .append(",`0.00,`").append(BigDecimal.valueOf(fees, 5).toPlainString()).append(",`")
                .append(yuan(paid)).append(",`").append(yuan(refunded)).append("\r\n");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .body(bill.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String line(OffsetDateTime time, String appId, String mchId, String transactionId,
                               String outTradeNo, String openid, String tradeType, String state, String currency,
                               String settled, String refundId, String outRefundNo, String refundAmount,
                               String refundType, String refundState, String subject, String fee, String orderAmount,
                               String requestedRefund) {
        List<String> fields = List.of(
                time.atZoneSameInstant(TradeNumbers.CHINA).format(WxV2Refunds.WX_SECONDS), appId, mchId, "0", "",
                transactionId, outTradeNo, openid == null ? "" : openid, tradeType, state, "OTHERS", currency, settled,
                "0.00", refundId, outRefundNo, refundAmount, "0.00", refundType, refundState,
                subject == null ? "" : subject.replace(",", "，"), "", fee, "0.60%", orderAmount, requestedRefund, "");
        StringBuilder line = new StringBuilder();
        for (String f : fields) {
            line.append(line.length() == 0 ? "`" : ",`").append(f);
        }
        return line.toString();
    }

    private ResponseEntity<byte[]> failure(String message, String errorCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "FAIL");
        fields.put("return_msg", message);
        fields.put("error_code", errorCode);
        return WxV2Answers.xml(HttpStatus.OK, WxV2Xml.write(fields));
    }

    private static LocalDate chinaDay(OffsetDateTime time) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).toLocalDate();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
