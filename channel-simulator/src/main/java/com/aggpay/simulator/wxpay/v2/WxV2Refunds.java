package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.account.WxV2Account;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.notify.Delivery;
import com.aggpay.simulator.notify.NotifyDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code /secapi/pay/refund} and {@code /pay/refundquery}, idempotent on out_refund_no, plus the encrypted refund
 * notification to the refund's notify_url. Refunds settle at once: a query right after the refund says SUCCESS.
 */
@Component
public class WxV2Refunds {

    static final DateTimeFormatter WX_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern FEN = Pattern.compile("[1-9][0-9]{0,10}");

    private final Ledger ledger;
    private final WxV2Answers answers;
    private final NotifyDispatcher dispatcher;
    /** By mch_id|out_refund_no. */
    private final Map<String, WxV2Refund> refunds = new ConcurrentHashMap<>();

    public WxV2Refunds(Ledger ledger, WxV2Answers answers, NotifyDispatcher dispatcher) {
        this.ledger = ledger;
        this.answers = answers;
        this.dispatcher = dispatcher;
    }

    ResponseEntity<byte[]> refund(WxV2Call call) {
        WxV2Account account = call.account();
        for (String name : new String[] {"out_refund_no", "total_fee", "refund_fee"}) {
            if (call.param(name) == null) {
                return answers.error(account, call.signType(), "PARAM_ERROR", "缺少参数 " + name);
            }
        }
        if (!FEN.matcher(call.param("total_fee")).matches() || !FEN.matcher(call.param("refund_fee")).matches()) {
            return answers.error(account, call.signType(), "PARAM_ERROR", "total_fee/refund_fee参数格式错误");
        }
        Optional<Trade> found = trade(call);
        if (found.isEmpty()) {
            return answers.error(account, call.signType(), "ORDERNOTEXIST", "订单不存在");
        }
        Trade trade = found.get();
        long totalFee = Long.parseLong(call.param("total_fee"));
        long refundFee = Long.parseLong(call.param("refund_fee"));
        String key = account.mchId() + '|' + call.param("out_refund_no");
        String[] problem = new String[1];
        boolean[] created = new boolean[1];
        WxV2Refund refund = refunds.computeIfAbsent(key, k -> {
            if (totalFee != trade.amount()) {
                problem[0] = "PARAM_ERROR:订单金额不一致";
                return null;
            }
            if (trade.paidAt() == null) {
                problem[0] = "TRADE_STATE_ERROR:订单未支付";
                return null;
            }
            if (!trade.refund(refundFee)) {
                problem[0] = "NOTENOUGH:退款金额大于可退金额";
                return null;
            }
            created[0] = true;
            return new WxV2Refund(account.mchId(), trade.outTradeNo(), trade.channelTradeNo(),
                    call.param("out_refund_no"), "50" + Randoms.digits(27), refundFee, totalFee, "SUCCESS",
                    OffsetDateTime.now());
        });
        if (refund == null) {
            String[] codeAndMessage = problem[0].split(":", 2);
            return answers.error(account, call.signType(), codeAndMessage[0], codeAndMessage[1]);
        }
        if (!refund.outTradeNo().equals(trade.outTradeNo()) || refund.refundFee() != refundFee
                || refund.totalFee() != totalFee) {
            return answers.error(account, call.signType(), "REFUND_FEE_MISMATCH", "订单金额或退款金额与之前请求不一致");
        }
        if (created[0] && call.param("notify_url") != null) {
            notifyRefund(account, refund, call.param("notify_url"));
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("transaction_id", refund.transactionId());
        answer.put("out_trade_no", refund.outTradeNo());
        answer.put("out_refund_no", refund.outRefundNo());
        answer.put("refund_id", refund.refundId());
        answer.put("refund_fee", Long.toString(refund.refundFee()));
        answer.put("settlement_refund_fee", Long.toString(refund.refundFee()));
        answer.put("total_fee", Long.toString(refund.totalFee()));
        answer.put("cash_fee", Long.toString(refund.totalFee()));
        answer.put("cash_refund_fee", Long.toString(refund.refundFee()));
        return answers.ok(account, call.signType(), answer);
    }

    ResponseEntity<byte[]> query(WxV2Call call) {
        String mchId = call.account().mchId();
        List<WxV2Refund> matching = refunds.values().stream()
                .filter(r -> r.mchId().equals(mchId))
                .filter(r -> matches(call, "out_refund_no", r.outRefundNo()) && matches(call, "refund_id", r.refundId())
                        && matches(call, "out_trade_no", r.outTradeNo())
                        && matches(call, "transaction_id", r.transactionId()))
                .sorted(Comparator.comparing(WxV2Refund::successTime))
                .toList();
        if (call.param("out_refund_no") == null && call.param("refund_id") == null
                && call.param("out_trade_no") == null && call.param("transaction_id") == null) {
            return answers.error(call.account(), call.signType(), "PARAM_ERROR", "缺少参数 out_refund_no");
        }
        if (matching.isEmpty()) {
            return answers.error(call.account(), call.signType(), "REFUNDNOTEXIST", "退款订单查询失败");
        }
        WxV2Refund first = matching.get(0);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("transaction_id", first.transactionId());
        answer.put("out_trade_no", first.outTradeNo());
        answer.put("total_fee", Long.toString(first.totalFee()));
        answer.put("cash_fee", Long.toString(first.totalFee()));
        answer.put("refund_count", Integer.toString(matching.size()));
        for (int n = 0; n < matching.size(); n++) {
            WxV2Refund r = matching.get(n);
            answer.put("out_refund_no_" + n, r.outRefundNo());
            answer.put("refund_id_" + n, r.refundId());
            answer.put("refund_channel_" + n, "ORIGINAL");
            answer.put("refund_fee_" + n, Long.toString(r.refundFee()));
            answer.put("refund_status_" + n, r.status());
            answer.put("refund_account_" + n, "REFUND_SOURCE_UNSETTLED_FUNDS");
            answer.put("refund_recv_accout_" + n, "支付用户的零钱");
            answer.put("refund_success_time_" + n, seconds(r.successTime()));
        }
        return answers.ok(call.account(), call.signType(), answer);
    }

    /** This account's refunds (for the bill). */
    List<WxV2Refund> refunds(String mchId) {
        return refunds.values().stream().filter(r -> r.mchId().equals(mchId)).toList();
    }

    private void notifyRefund(WxV2Account account, WxV2Refund refund, String notifyUrl) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("out_refund_no", refund.outRefundNo());
        info.put("out_trade_no", refund.outTradeNo());
        info.put("refund_account", "REFUND_SOURCE_UNSETTLED_FUNDS");
        info.put("refund_fee", Long.toString(refund.refundFee()));
        info.put("refund_id", refund.refundId());
        info.put("refund_recv_accout", "支付用户的零钱");
        info.put("refund_request_source", "API");
        info.put("refund_status", refund.status());
        info.put("settlement_refund_fee", Long.toString(refund.refundFee()));
        info.put("settlement_total_fee", Long.toString(refund.totalFee()));
        info.put("success_time", seconds(refund.successTime()));
        info.put("total_fee", Long.toString(refund.totalFee()));
        info.put("transaction_id", refund.transactionId());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("return_code", "SUCCESS");
        body.put("appid", account.appid());
        body.put("mch_id", account.mchId());
        body.put("nonce_str", Randoms.alnum(32));
        // BAD_SIGNATURE: the refund notice is not signed, so it is encrypted with a wrong key instead
        body.put("req_info", WxV2ReqInfo.encrypt(answers.keyFor(account), WxV2Xml.write("root", info)));
        dispatcher.dispatch(account.mchId(), new Delivery("wxpay-v2 refund " + account.mchId() + "/"
                + refund.outRefundNo(), notifyUrl, "text/xml", WxV2Xml.write(body).getBytes(StandardCharsets.UTF_8),
                Map::of, WxV2Notifier::acknowledged));
    }

    private Optional<Trade> trade(WxV2Call call) {
        if (call.param("out_trade_no") != null) {
            return ledger.find(call.account().mchId(), call.param("out_trade_no"));
        }
        return call.param("transaction_id") == null ? Optional.empty()
                : ledger.findByChannelTradeNo(call.account().mchId(), call.param("transaction_id"));
    }

    private static boolean matches(WxV2Call call, String param, String value) {
        return call.param(param) == null || call.param(param).equals(value);
    }

    static String seconds(OffsetDateTime time) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).format(WX_SECONDS);
    }
}
