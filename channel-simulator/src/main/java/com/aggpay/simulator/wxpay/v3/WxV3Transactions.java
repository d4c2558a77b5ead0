package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The v3 "transaction" object: the query answer and the plaintext of a payment notification. */
final class WxV3Transactions {

    private WxV3Transactions() {
    }

    static Map<String, Object> of(Trade trade) {
        boolean paid = trade.paidAt() != null;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("appid", trade.appId());
        t.put("mchid", trade.account());
        t.put("out_trade_no", trade.outTradeNo());
        if (paid) {
            t.put("transaction_id", trade.channelTradeNo());
        }
        t.put("trade_type", trade.kind());
        t.put("trade_state", tradeState(trade));
        t.put("trade_state_desc", switch (trade.state()) {
            case NOTPAY -> "订单未支付";
            case PAID -> "支付成功";
            case CLOSED -> "订单已关闭";
            case REFUNDED -> "订单发生过退款";
        });
        t.put("attach", "");
        if (paid) {
            t.put("bank_type", "OTHERS");
            t.put("success_time", rfc3339(trade.paidAt()));
            t.put("payer", Map.of("openid", trade.payerId() != null ? trade.payerId() : "oSim" + trade.account()));
        }
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", trade.amount());
        if (paid) {
            amount.put("payer_total", trade.amount());
        }
        amount.put("currency", trade.currency());
        amount.put("payer_currency", trade.currency());
        t.put("amount", amount);
        return t;
    }

    static String tradeState(Trade trade) {
        return switch (trade.state()) {
            case NOTPAY -> "NOTPAY";
            case PAID -> "SUCCESS";
            case CLOSED -> "CLOSED";
            case REFUNDED -> "REFUND";
        };
    }

    static String rfc3339(OffsetDateTime time) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
