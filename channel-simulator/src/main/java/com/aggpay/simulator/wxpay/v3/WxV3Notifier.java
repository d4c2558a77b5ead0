package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.crypto.AesGcm;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.notify.Delivery;
import com.aggpay.simulator.notify.NotifyDispatcher;
import com.aggpay.simulator.notify.PaymentNotifier;
import com.aggpay.simulator.web.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** TRANSACTION.SUCCESS notifications: the transaction JSON encrypted with the APIv3 key, headers signed. */
@Component
public class WxV3Notifier implements PaymentNotifier {

    private final Accounts accounts;
    private final WxV3Signer signer;
    private final Faults faults;
    private final NotifyDispatcher dispatcher;

    public WxV3Notifier(Accounts accounts, WxV3Signer signer, Faults faults, NotifyDispatcher dispatcher) {
        this.accounts = accounts;
        this.signer = signer;
        this.faults = faults;
        this.dispatcher = dispatcher;
    }

    @Override
    public Protocol protocol() {
        return Protocol.WXPAY_V3;
    }

    @Override
    public void paid(Trade trade) {
        WxV3Account account = accounts.wxV3(trade.account()).orElseThrow();
        String body = body(account, trade);
        boolean wrongKey = faults.hits(account.mchid(), FaultMode.BAD_SIGNATURE);
        dispatcher.dispatch(account.mchid(), new Delivery(
                "wxpay-v3 " + trade.account() + "/" + trade.outTradeNo(), trade.notifyUrl(), "application/json",
                body.getBytes(StandardCharsets.UTF_8), () -> signer.signatureHeaders(account, body, wrongKey),
                answer -> answer.status() == 200 || answer.status() == 204));
    }

    static String body(WxV3Account account, Trade trade) {
        String nonce = Randoms.secureAlnum(12);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("original_type", "transaction");
        resource.put("algorithm", "AEAD_AES_256_GCM");
        resource.put("ciphertext", AesGcm.encrypt(account.apiV3Key(), nonce, "transaction",
                Json.write(WxV3Transactions.of(trade))));
        resource.put("associated_data", "transaction");
        resource.put("nonce", nonce);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("create_time", WxV3Transactions.rfc3339(OffsetDateTime.now()));
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", "TRANSACTION.SUCCESS");
        body.put("summary", "支付成功");
        body.put("resource", resource);
        return Json.write(body);
    }
}
