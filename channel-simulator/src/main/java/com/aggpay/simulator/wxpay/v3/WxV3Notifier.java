package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.crypto.AesGcm;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Refund;
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

/** TRANSACTION.SUCCESS and REFUND.* notifications: the resource JSON encrypted with the APIv3 key, headers signed. */
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
        send(account, trade.notifyUrl(), "wxpay-v3 " + trade.account() + "/" + trade.outTradeNo(),
                body(account, "TRANSACTION.SUCCESS", "支付成功", "transaction", WxV3Transactions.of(trade)));
    }

    /** REFUND.SUCCESS (etc.) to the notify_url of the refund request; none was given: WeChat has nowhere to send. */
    void refunded(WxV3Account account, Refund refund) {
        if (refund.notifyUrl() == null || refund.notifyUrl().isBlank()) {
            return;
        }
        String event = switch (refund.status()) {
            case SUCCESS -> "REFUND.SUCCESS";
            case ABNORMAL -> "REFUND.ABNORMAL";
            case CLOSED -> "REFUND.CLOSED";
            case PROCESSING -> throw new IllegalStateException("a processing refund is not notified");
        };
        send(account, refund.notifyUrl(), "wxpay-v3 refund " + account.mchid() + "/" + refund.outRefundNo(),
                body(account, event, "退款状态变更", "refund", WxV3Refunds.notification(refund)));
    }

    private void send(WxV3Account account, String url, String description, String body) {
        boolean wrongKey = faults.hits(account.mchid(), FaultMode.BAD_SIGNATURE);
        dispatcher.dispatch(account.mchid(), new Delivery(description, url, "application/json",
                body.getBytes(StandardCharsets.UTF_8), () -> signer.signatureHeaders(account, body, wrongKey),
                answer -> answer.status() == 200 || answer.status() == 204));
    }

    /** The notification envelope: the resource encrypted with the APIv3 key, its type as associated data. */
    static String body(WxV3Account account, String eventType, String summary, String originalType, Object resource) {
        String nonce = Randoms.secureAlnum(12);
        Map<String, Object> encrypted = new LinkedHashMap<>();
        encrypted.put("original_type", originalType);
        encrypted.put("algorithm", "AEAD_AES_256_GCM");
        encrypted.put("ciphertext", AesGcm.encrypt(account.apiV3Key(), nonce, originalType, Json.write(resource)));
        encrypted.put("associated_data", originalType);
        encrypted.put("nonce", nonce);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("create_time", WxV3Transactions.rfc3339(OffsetDateTime.now()));
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", eventType);
        body.put("summary", summary);
        body.put("resource", encrypted);
        return Json.write(body);
    }
}
