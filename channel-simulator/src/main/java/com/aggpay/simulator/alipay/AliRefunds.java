package com.aggpay.simulator.alipay;

import com.aggpay.simulator.account.AliAccount;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Refunds;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.ledger.TradeState;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code alipay.trade.refund} and {@code alipay.trade.fastpay.refund.query}. Alipay refunds synchronously: a new
 * refund answers {@code fund_change=Y} and is done; the same out_request_no again answers {@code fund_change=N}
 * (no money moved this time). {@code refund_fee} is the trade's total refunded so far, as Alipay reports it.
 */
@Component
class AliRefunds {

    private final AliTrades trades;
    private final Refunds refunds;
    private final AliNotifier notifier;

    AliRefunds(AliTrades trades, Refunds refunds, AliNotifier notifier) {
        this.trades = trades;
        this.refunds = refunds;
        this.notifier = notifier;
    }

    AliTrades.Result refund(AliAccount account, JsonNode biz) {
        Long amount = AliTrades.fen(biz.path("refund_amount").asString(""));
        if (amount == null) {
            return AliTrades.Result.fail("40004", "ACQ.INVALID_PARAMETER", "refund_amount 不合法");
        }
        Optional<Trade> found = trades.find(account, biz);
        if (found.isEmpty()) {
            return AliTrades.Result.fail("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        Trade trade = found.get();
        // Without out_request_no Alipay treats the call as the trade's one full refund, numbered by the trade.
        String outRequestNo = biz.path("out_request_no").asString(trade.outTradeNo());
        if (trade.state() == TradeState.NOTPAY || trade.state() == TradeState.CLOSED) {
            return AliTrades.Result.fail("40004", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        Refunds.Opened opened = refunds.open(account.appId(), outRequestNo, () -> new Refund(trade, outRequestNo,
                trade.channelTradeNo(), amount, biz.path("refund_reason").asString(null), trade.notifyUrl(),
                OffsetDateTime.now()));
        if (opened.refund() == null) {
            return AliTrades.Result.fail("40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        Refund refund = opened.refund();
        if (opened.repeated() && (refund.trade() != trade || refund.amount() != amount)) {
            return AliTrades.Result.fail("40004", "ACQ.DISCORDANT_REPEAT_REQUEST", "退款请求号已被使用，且请求参数不一致");
        }
        if (!opened.repeated() && refund.succeed(OffsetDateTime.now())) {
            notifier.refunded(refund);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.channelTradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        fields.put("buyer_logon_id", "sim***@example.com");
        fields.put("fund_change", opened.repeated() ? "N" : "Y");
        fields.put("refund_fee", AliTrades.yuan(trade.refundedAmount()));
        fields.put("gmt_refund_pay", time(refund.succeededAt()));
        fields.put("buyer_user_id", AliTrades.buyerId(trade));
        fields.put("send_back_fee", AliTrades.yuan(refund.amount()));
        return AliTrades.Result.ok(fields, trade);
    }

    /** An unknown out_request_no answers 10000 without refund fields: "no such refund (yet)", as Alipay does. */
    AliTrades.Result query(AliAccount account, JsonNode biz) {
        Optional<Trade> found = trades.find(account, biz);
        if (found.isEmpty()) {
            return AliTrades.Result.fail("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        Trade trade = found.get();
        String outRequestNo = biz.path("out_request_no").asString(trade.outTradeNo());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.channelTradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        fields.put("out_request_no", outRequestNo);
        refunds.find(account.appId(), outRequestNo).filter(r -> r.trade() == trade).ifPresent(r -> {
            fields.put("total_amount", AliTrades.yuan(trade.amount()));
            fields.put("refund_amount", AliTrades.yuan(r.amount()));
            fields.put("refund_status", r.status() == Refund.Status.SUCCESS ? "REFUND_SUCCESS" : "");
            if (r.succeededAt() != null) {
                fields.put("gmt_refund_pay", time(r.succeededAt()));
            }
        });
        return AliTrades.Result.ok(fields, trade);
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(TradeNumbers.CHINA).format(AliTrades.TIME);
    }
}
