package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV2Account;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.notify.Delivery;
import com.aggpay.simulator.notify.NotifyDispatcher;
import com.aggpay.simulator.notify.PaymentNotifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The v2 payment result notification: the orderquery fields of the paid trade as signed XML, POSTed to the trade's
 * notify_url. WeChat stops only when the answer is XML with {@code return_code SUCCESS}; anything else is retried.
 */
@Component
public class WxV2Notifier implements PaymentNotifier {

    private final Accounts accounts;
    private final WxV2Answers answers;
    private final NotifyDispatcher dispatcher;

    public WxV2Notifier(Accounts accounts, WxV2Answers answers, NotifyDispatcher dispatcher) {
        this.accounts = accounts;
        this.answers = answers;
        this.dispatcher = dispatcher;
    }

    @Override
    public Protocol protocol() {
        return Protocol.WXPAY_V2;
    }

    @Override
    public void paid(Trade trade) {
        WxV2Account account = accounts.wxV2(trade.account()).orElseThrow();
        String signType = trade.createParams() instanceof WxV2Params p ? p.signType() : WxV2Sign.MD5;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("appid", account.appid());
        fields.put("mch_id", account.mchId());
        fields.put("result_code", "SUCCESS");
        if (WxV2Sign.HMAC_SHA256.equals(signType)) {
            fields.put("sign_type", signType);
        }
        Map<String, String> view = WxV2Orders.view(trade);
        view.remove("trade_state");
        view.remove("trade_state_desc");
        fields.putAll(view);
        String body = answers.signed(account, signType, fields);
        dispatcher.dispatch(account.mchId(), new Delivery("wxpay-v2 " + trade.account() + "/" + trade.outTradeNo(),
                trade.notifyUrl(), "text/xml", body.getBytes(StandardCharsets.UTF_8), Map::of,
                WxV2Notifier::acknowledged));
    }

    /** HTTP 200 with {@code <return_code>SUCCESS</return_code>}; a plain "success" or a 204 is not enough. */
    static boolean acknowledged(Delivery.Answer answer) {
        if (answer.status() != 200 || answer.body() == null) {
            return false;
        }
        Map<String, String> fields = WxV2Xml.parse(answer.body().getBytes(StandardCharsets.UTF_8));
        return fields != null && "SUCCESS".equals(fields.get("return_code"));
    }
}
