package com.aggpay.simulator.alipay;

import com.aggpay.simulator.account.AliAccount;
import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.crypto.Rsa;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.notify.Delivery;
import com.aggpay.simulator.notify.NotifyDispatcher;
import com.aggpay.simulator.notify.PaymentNotifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** trade_status_sync notifications (payments and refunds): a signed form POST; only {@code success} stops the retries. */
@Component
public class AliNotifier implements PaymentNotifier {

    private static final DateTimeFormatter REFUND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Accounts accounts;
    private final Faults faults;
    private final NotifyDispatcher dispatcher;

    public AliNotifier(Accounts accounts, Faults faults, NotifyDispatcher dispatcher) {
        this.accounts = accounts;
        this.faults = faults;
        this.dispatcher = dispatcher;
    }

    @Override
    public Protocol protocol() {
        return Protocol.ALIPAY;
    }

    @Override
    public void paid(Trade trade) {
        send(trade, params(trade), "alipay " + trade.account() + "/" + trade.outTradeNo());
    }

    /**
     * Alipay reports a refund as one more trade_status_sync to the trade's notify_url, carrying refund_fee (the
     * trade's total refunded so far), gmt_refund and out_biz_no (the refund's out_request_no); trade_status turns
     * TRADE_CLOSED once the trade is fully refunded.
     */
    void refunded(Refund refund) {
        Trade trade = refund.trade();
        Map<String, String> params = params(trade);
        params.put("refund_fee", AliTrades.yuan(trade.refundedAmount()));
        params.put("gmt_refund", refund.succeededAt().atZoneSameInstant(TradeNumbers.CHINA).format(REFUND_TIME));
        params.put("out_biz_no", refund.outRefundNo());
        send(trade, params, "alipay refund " + trade.account() + "/" + refund.outRefundNo());
    }

    private void send(Trade trade, Map<String, String> params, String description) {
        if (trade.notifyUrl() == null || trade.notifyUrl().isBlank()) {
            return;
        }
        AliAccount account = accounts.alipay(trade.account()).orElseThrow();
        boolean wrongKey = faults.hits(account.appId(), FaultMode.BAD_SIGNATURE);
        params.put("sign", Rsa.sign(wrongKey ? accounts.wrongKey().getPrivate() : account.alipayPrivateKey(),
                AliSign.content(params, AliSign.NOTIFY_EXCLUDED)));
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        dispatcher.dispatch(account.appId(), new Delivery(description, trade.notifyUrl(),
                "application/x-www-form-urlencoded; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map::of,
                answer -> answer.status() == 200 && "success".equals(answer.body())));
    }

    static Map<String, String> params(Trade trade) {
        String amount = AliTrades.yuan(trade.amount());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_time", ZonedDateTime.now(TradeNumbers.CHINA).format(AliTrades.TIME));
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", Randoms.alnum(34));
        p.put("app_id", trade.account());
        p.put("charset", "utf-8");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("trade_no", trade.channelTradeNo());
        p.put("out_trade_no", trade.outTradeNo());
        p.put("buyer_id", AliTrades.buyerId(trade));
        p.put("seller_id", "2088" + trade.account().substring(4));
        p.put("trade_status", AliTrades.tradeStatus(trade));
        p.put("total_amount", amount);
        p.put("receipt_amount", amount);
        p.put("buyer_pay_amount", amount);
        p.put("invoice_amount", amount);
        p.put("subject", trade.subject());
        p.put("gmt_create", trade.createdAt().atZoneSameInstant(TradeNumbers.CHINA).format(AliTrades.TIME));
        p.put("gmt_payment", trade.paidAt().atZoneSameInstant(TradeNumbers.CHINA).format(AliTrades.TIME));
        p.put("fund_bill_list", "[{\"amount\":\"" + amount + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        return p;
    }
}
