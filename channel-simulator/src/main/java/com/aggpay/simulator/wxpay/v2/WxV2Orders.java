package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.account.WxV2Account;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** {@code /pay/unifiedorder}, {@code /pay/orderquery}, {@code /pay/closeorder} on the shared ledger. */
@Component
public class WxV2Orders {

    static final DateTimeFormatter WX_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Set<String> TRADE_TYPES = Set.of("NATIVE", "JSAPI", "APP", "MWEB");
    private static final List<String> REQUIRED = List.of("body", "out_trade_no", "total_fee", "spbill_create_ip",
            "notify_url", "trade_type");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,32}");
    private static final Pattern FEN = Pattern.compile("[1-9][0-9]{0,10}");

    private final Ledger ledger;
    private final WxV2Answers answers;

    public WxV2Orders(Ledger ledger, WxV2Answers answers) {
        this.ledger = ledger;
        this.answers = answers;
    }

    ResponseEntity<byte[]> unifiedOrder(WxV2Call call) {
        String invalid = invalid(call);
        if (invalid != null) {
            return answers.error(call.account(), call.signType(), "PARAM_ERROR", invalid);
        }
        WxV2Account account = call.account();
        String tradeType = call.param("trade_type");
        String prepayId = TradeNumbers.wxPrepayId();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("trade_type", tradeType);
        answer.put("prepay_id", prepayId);
        if ("NATIVE".equals(tradeType)) {
            answer.put("code_url", "weixin://wxpay/bizpayurl?pr=" + prepayId);
        } else if ("MWEB".equals(tradeType)) {
            answer.put("mweb_url", "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + prepayId
                    + "&package=" + Randoms.digits(10));
        }
        Trade trade = new Trade(Protocol.WXPAY_V2, account.mchId(), account.appid(), call.param("out_trade_no"),
                TradeNumbers.wxTransactionId(), prepayId, tradeType, Long.parseLong(call.param("total_fee")),
                call.params().getOrDefault("fee_type", "CNY"), call.param("body"), call.param("openid"),
                call.param("notify_url"), WxV2Params.of(call.params()), WxV2Xml.write(answer), OffsetDateTime.now());
        Trade stored = ledger.putIfAbsent(trade);
        if (stored == trade) {
            return answers.ok(account, call.signType(), answer);
        }
        switch (stored.state()) {
            case PAID, REFUNDED:
                return answers.error(account, call.signType(), "ORDERPAID", "该订单已支付");
            case CLOSED:
                return answers.error(account, call.signType(), "ORDERCLOSED", "该订单已关闭");
            default:
                // the same trade asked again with identical parameters gets the same prepay_id
                return trade.createParams().equals(stored.createParams()) && stored.createAnswer() != null
                        ? answers.ok(account, call.signType(), WxV2Xml.parse(stored.createAnswer()
                        .getBytes(StandardCharsets.UTF_8)))
                        : answers.error(account, call.signType(), "OUT_TRADE_NO_USED", "商户订单号重复");
        }
    }

    ResponseEntity<byte[]> query(WxV2Call call) {
        Optional<Trade> trade = find(call);
        if (trade.isEmpty()) {
            return call.param("out_trade_no") == null && call.param("transaction_id") == null
                    ? answers.error(call.account(), call.signType(), "PARAM_ERROR", "缺少参数 out_trade_no")
                    : answers.error(call.account(), call.signType(), "ORDERNOTEXIST", "订单不存在");
        }
        return answers.ok(call.account(), call.signType(), view(trade.get()));
    }

    ResponseEntity<byte[]> close(WxV2Call call) {
        if (call.param("out_trade_no") == null) {
            return answers.error(call.account(), call.signType(), "PARAM_ERROR", "缺少参数 out_trade_no");
        }
        Optional<Trade> trade = ledger.find(call.account().mchId(), call.param("out_trade_no"));
        if (trade.isEmpty()) {
            return answers.error(call.account(), call.signType(), "ORDERNOTEXIST", "订单不存在");
        }
        switch (trade.get().state()) {
            case PAID, REFUNDED:
                return answers.error(call.account(), call.signType(), "ORDERPAID", "订单已支付，不能发起关单");
            case CLOSED:
                return answers.error(call.account(), call.signType(), "ORDERCLOSED", "订单已关闭，无法重复关闭");
            default:
                return trade.get().close() ? answers.ok(call.account(), call.signType(), Map.of())
                        : answers.error(call.account(), call.signType(), "ORDERPAID", "订单已支付，不能发起关单");
        }
    }

    /** The orderquery fields of a trade; also the body of its payment notification once paid. */
    static Map<String, String> view(Trade trade) {
        Map<String, String> v = new LinkedHashMap<>();
        boolean paid = trade.paidAt() != null;
        v.put("openid", trade.payerId() != null ? trade.payerId() : "oSim" + trade.account());
        v.put("is_subscribe", "N");
        v.put("trade_type", trade.kind());
        v.put("trade_state", tradeState(trade));
        v.put("trade_state_desc", switch (trade.state()) {
            case NOTPAY -> "订单未支付";
            case PAID -> "支付成功";
            case CLOSED -> "订单已关闭";
            case REFUNDED -> "订单转入退款";
        });
        v.put("total_fee", Long.toString(trade.amount()));
        v.put("fee_type", trade.currency());
        v.put("out_trade_no", trade.outTradeNo());
        v.put("attach", "");
        if (paid) {
            v.put("bank_type", "OTHERS");
            v.put("cash_fee", Long.toString(trade.amount()));
            v.put("transaction_id", trade.channelTradeNo());
            v.put("time_end", wxTime(trade.paidAt()));
        }
        return v;
    }

    static String tradeState(Trade trade) {
        return switch (trade.state()) {
            case NOTPAY -> "NOTPAY";
            case PAID -> "SUCCESS";
            case CLOSED -> "CLOSED";
            case REFUNDED -> "REFUND";
        };
    }

    static String wxTime(OffsetDateTime time) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).format(WX_TIME);
    }

    private Optional<Trade> find(WxV2Call call) {
        if (call.param("out_trade_no") != null) {
            return ledger.find(call.account().mchId(), call.param("out_trade_no"));
        }
        return call.param("transaction_id") == null ? Optional.empty()
                : ledger.findByChannelTradeNo(call.account().mchId(), call.param("transaction_id"));
    }

    /** Null when the unifiedorder call is complete and well-formed, else the err_code_des. */
    private static String invalid(WxV2Call call) {
        for (String name : REQUIRED) {
            if (call.param(name) == null) {
                return "缺少参数 " + name;
            }
        }
        String tradeType = call.param("trade_type");
        if (!TRADE_TYPES.contains(tradeType)) {
            return "trade_type参数错误";
        }
        if (!OUT_TRADE_NO.matcher(call.param("out_trade_no")).matches()) {
            return "out_trade_no参数格式错误";
        }
        if (call.param("body").getBytes(StandardCharsets.UTF_8).length > 128) {
            return "body参数长度超过128字节";
        }
        if (!FEN.matcher(call.param("total_fee")).matches()) {
            return "total_fee参数格式错误";
        }
        if (call.param("fee_type") != null && !"CNY".equals(call.param("fee_type"))) {
            return "fee_type参数错误";
        }
        String notifyUrl = call.param("notify_url");
        if (!(notifyUrl.startsWith("http://") || notifyUrl.startsWith("https://")) || notifyUrl.length() > 256) {
            return "notify_url参数格式错误";
        }
        for (String time : new String[] {"time_start", "time_expire"}) {
            if (call.param(time) != null) {
                try {
                    LocalDateTime.parse(call.param(time), WX_TIME);
                } catch (DateTimeParseException e) {
                    return time + "参数格式错误";
                }
            }
        }
        if ("JSAPI".equals(tradeType) && call.param("openid") == null) {
            return "trade_type=JSAPI时，openid为必填参数";
        }
        if ("NATIVE".equals(tradeType) && call.param("product_id") == null) {
            return "trade_type=NATIVE时，product_id为必填参数";
        }
        if ("MWEB".equals(tradeType) && call.param("scene_info") == null) {
            return "trade_type=MWEB时，scene_info为必填参数";
        }
        return null;
    }
}
