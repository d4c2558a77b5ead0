package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV2Account;
import com.aggpay.simulator.web.Replies;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * WeChat Pay API v2 (XML) at the real paths. Every call first passes WeChat's gateway checks (well-formed XML, a
 * known mch_id, a supported sign_type, a valid sign, the appid bound to the mch_id), then the endpoint's own.
 * {@code /secapi/pay/refund} needs a client certificate upstream; the simulator takes it over plain HTTP.
 */
@RestController
public class WxV2Controller {

    private final Accounts accounts;
    private final Replies replies;
    private final WxV2Answers answers;
    private final WxV2Orders orders;
    private final WxV2Refunds refunds;
    private final WxV2Bills bills;

    public WxV2Controller(Accounts accounts, Replies replies, WxV2Answers answers, WxV2Orders orders,
                          WxV2Refunds refunds, WxV2Bills bills) {
        this.accounts = accounts;
        this.replies = replies;
        this.answers = answers;
        this.orders = orders;
        this.refunds = refunds;
        this.bills = bills;
    }

    @PostMapping("/pay/unifiedorder")
    public DeferredResult<ResponseEntity<byte[]>> unifiedOrder(@RequestBody(required = false) byte[] body) {
        return handle(body, true, orders::unifiedOrder);
    }

    @PostMapping("/pay/orderquery")
    public DeferredResult<ResponseEntity<byte[]>> orderQuery(@RequestBody(required = false) byte[] body) {
        return handle(body, false, orders::query);
    }

    @PostMapping("/pay/closeorder")
    public DeferredResult<ResponseEntity<byte[]>> closeOrder(@RequestBody(required = false) byte[] body) {
        return handle(body, false, orders::close);
    }

    /** A refund is opened like a trade: ERROR_5XX and TIMEOUT_AFTER_ACCEPT hit it after it was taken. */
    @PostMapping("/secapi/pay/refund")
    public DeferredResult<ResponseEntity<byte[]>> refund(@RequestBody(required = false) byte[] body) {
        return handle(body, true, refunds::refund);
    }

    @PostMapping("/pay/refundquery")
    public DeferredResult<ResponseEntity<byte[]>> refundQuery(@RequestBody(required = false) byte[] body) {
        return handle(body, false, refunds::query);
    }

    @PostMapping("/pay/downloadbill")
    public DeferredResult<ResponseEntity<byte[]>> downloadBill(@RequestBody(required = false) byte[] body) {
        return handle(body, false, bills::download);
    }

    private DeferredResult<ResponseEntity<byte[]>> handle(byte[] body, boolean create,
                                                          Function<WxV2Call, ResponseEntity<byte[]>> handler) {
        Map<String, String> params = WxV2Xml.parse(body);
        Optional<WxV2Account> account = accounts.wxV2(params == null ? null : params.get("mch_id"));
        Gate gate = gate(params, account);
        String faultAccount = account.map(WxV2Account::mchId).orElse(null);
        // Faults are drawn per account; a call refused at the gate opens nothing, so it is no "create".
        return replies.answer(faultAccount, create && gate.call() != null,
                () -> gate.call() != null ? handler.apply(gate.call()) : gate.refusal(), answers::serverError);
    }

    /** Exactly one of the two: the call that passed WeChat's gateway checks, or the answer refusing it. */
    private record Gate(WxV2Call call, ResponseEntity<byte[]> refusal) {
        static Gate refused(ResponseEntity<byte[]> refusal) {
            return new Gate(null, refusal);
        }
    }

    private Gate gate(Map<String, String> params, Optional<WxV2Account> account) {
        if (params == null) {
            return Gate.refused(answers.fail("XML格式错误"));
        }
        if (account.isEmpty()) {
            return Gate.refused(answers.fail("mch_id参数格式错误"));
        }
        String signType = params.getOrDefault("sign_type", WxV2Sign.MD5);
        if (signType.isEmpty()) {
            signType = WxV2Sign.MD5;
        }
        if (!WxV2Sign.supported(signType)) {
            return Gate.refused(answers.fail("sign_type参数格式错误"));
        }
        if (!WxV2Sign.verify(params, account.get().apiKey(), signType)) {
            return Gate.refused(answers.fail("签名错误"));
        }
        if (!account.get().appid().equals(params.get("appid"))) {
            return Gate.refused(answers.error(account.get(), params.get("appid"), signType,
                    "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配"));
        }
        if (params.get("nonce_str") == null || params.get("nonce_str").isBlank()) {
            return Gate.refused(answers.error(account.get(), signType, "PARAM_ERROR", "缺少参数 nonce_str"));
        }
        return new Gate(new WxV2Call(account.get(), signType, params), null);
    }
}
