package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.notify.Delivery;
import com.aggpay.simulator.notify.NotifyDispatcher;
import com.aggpay.simulator.notify.PaymentNotifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Background notifications ({@code backUrl}): a signed URL-encoded form POST. UnionPay stops retrying on any HTTP 200,
 * whatever the body; anything else is sent again on the simulator's schedule.
 */
@Component
public class UpNotifier implements PaymentNotifier {

    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private final Accounts accounts;
    private final Faults faults;
    private final NotifyDispatcher dispatcher;

    public UpNotifier(Accounts accounts, Faults faults, NotifyDispatcher dispatcher) {
        this.accounts = accounts;
        this.faults = faults;
        this.dispatcher = dispatcher;
    }

    @Override
    public Protocol protocol() {
        return Protocol.UNIONPAY;
    }

    @Override
    public void paid(Trade trade) {
        if (trade.notifyUrl() == null || trade.notifyUrl().isBlank()) {
            return; // injected trades: nobody asked to be told
        }
        UpAccount account = accounts.unionpay(trade.account()).orElseThrow();
        send(account, "unionpay paid " + trade.account() + "/" + trade.outTradeNo(), trade.notifyUrl(),
                UpFields.payment(account, trade));
    }

    void refunded(Refund refund, UpOrder order) {
        if (order.backUrl() == null || order.backUrl().isBlank()) {
            return;
        }
        UpAccount account = accounts.unionpay(refund.trade().account()).orElseThrow();
        send(account, "unionpay refund " + account.merId() + "/" + refund.outRefundNo(), order.backUrl(),
                UpFields.refund(account, refund, order));
    }

    private void send(UpAccount account, String description, String url, Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("signMethod", "01");
        signed.put("certId", account.unionpayCertId());
        boolean wrongKey = faults.hits(account.merId(), FaultMode.BAD_SIGNATURE);
        signed.put("signature", UpWire.sign(wrongKey ? accounts.wrongKey().getPrivate() : account.unionpayPrivateKey(),
                signed));
        dispatcher.dispatch(account.merId(), new Delivery(description, url, CONTENT_TYPE,
                UpWire.form(signed).getBytes(StandardCharsets.UTF_8), Map::of, answer -> answer.status() == 200));
    }
}
