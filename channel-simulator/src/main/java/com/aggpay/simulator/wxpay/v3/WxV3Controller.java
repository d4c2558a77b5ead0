package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.web.Json;
import com.aggpay.simulator.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.JsonNode;

/** WeChat Pay API v3 transactions at the real paths: prepay (4 trade types), query by out_trade_no or id, close. */
@RestController
public class WxV3Controller {

    private final Accounts accounts;
    private final Ledger ledger;
    private final WxV3Signer signer;
    private final WxV3Prepay prepay;
    private final Replies replies;

    public WxV3Controller(Accounts accounts, Ledger ledger, WxV3Signer signer, Replies replies) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.signer = signer;
        this.replies = replies;
        this.prepay = new WxV3Prepay(ledger, signer);
    }

    @PostMapping("/v3/pay/transactions/{type}")
    public DeferredResult<ResponseEntity<byte[]>> prepay(@PathVariable String type, HttpServletRequest request,
                                                         @RequestBody(required = false) byte[] body) {
        return authenticated(request, body, true, (call) -> {
            if (!WxV3Prepay.TYPES.containsKey(type)) {
                return signer.error(call.account(), 404, "NOT_FOUND", "unknown trade type " + type);
            }
            JsonNode json = Json.readObject(call.body());
            if (json == null) {
                return signer.error(call.account(), 400, "PARAM_ERROR", "body is not a JSON object");
            }
            if (!call.account().mchid().equals(json.path("mchid").asString(""))) {
                return signer.error(call.account(), 401, "SIGN_ERROR", "mchid of the body differs from the header");
            }
            return prepay.prepay(call.account(), type, json);
        });
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    public DeferredResult<ResponseEntity<byte[]>> queryByOutTradeNo(@PathVariable String outTradeNo,
                                                                    HttpServletRequest request) {
        return authenticated(request, null, false, call -> mchidParamMatches(call, request)
                .orElseGet(() -> answerTrade(call.account(), ledger.find(call.account().mchid(), outTradeNo))));
    }

    @GetMapping("/v3/pay/transactions/id/{transactionId}")
    public DeferredResult<ResponseEntity<byte[]>> queryById(@PathVariable String transactionId,
                                                            HttpServletRequest request) {
        return authenticated(request, null, false, call -> mchidParamMatches(call, request).orElseGet(() ->
                answerTrade(call.account(), ledger.findByChannelTradeNo(call.account().mchid(), transactionId)
                        .filter(t -> t.paidAt() != null))));
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    public DeferredResult<ResponseEntity<byte[]>> close(@PathVariable String outTradeNo, HttpServletRequest request,
                                                        @RequestBody(required = false) byte[] body) {
        return authenticated(request, body, false, call -> {
            JsonNode json = Json.readObject(call.body());
            if (json == null || !call.account().mchid().equals(json.path("mchid").asString(""))) {
                return signer.error(call.account(), 400, "PARAM_ERROR", "mchid missing or differs from the header");
            }
            Optional<Trade> trade = ledger.find(call.account().mchid(), outTradeNo);
            if (trade.isEmpty()) {
                return signer.error(call.account(), 404, "ORDER_NOT_EXIST", "订单不存在");
            }
            if (!trade.get().close()) {
                return signer.error(call.account(), 400, "ORDERPAID", "订单已支付");
            }
            return signer.reply(call.account(), 204, "");
        });
    }

    private ResponseEntity<byte[]> answerTrade(WxV3Account account, Optional<Trade> trade) {
        return trade.map(t -> signer.reply(account, 200, Json.write(WxV3Transactions.of(t))))
                .orElseGet(() -> signer.error(account, 404, "ORDER_NOT_EXIST", "订单不存在"));
    }

    private Optional<ResponseEntity<byte[]>> mchidParamMatches(Call call, HttpServletRequest request) {
        return call.account().mchid().equals(request.getParameter("mchid")) ? Optional.empty()
                : Optional.of(signer.error(call.account(), 400, "PARAM_ERROR", "mchid query parameter missing or wrong"));
    }

    /** An authenticated call: the merchant account of the Authorization header and the raw body text. */
    record Call(WxV3Account account, String body) {
    }

    /** Resolves the account from the header (faults are per account), then verifies the signature like WeChat. */
    private DeferredResult<ResponseEntity<byte[]>> authenticated(HttpServletRequest request, byte[] rawBody,
            boolean create, Function<Call, ResponseEntity<byte[]>> handler) {
        Map<String, String> auth = WxV3Auth.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        String mchid = auth.get("mchid");
        String body = rawBody == null ? "" : new String(rawBody, StandardCharsets.UTF_8);
        Optional<WxV3Account> account = accounts.wxV3(mchid);
        return replies.answer(account.map(WxV3Account::mchid).orElse(null), create, () -> {
            if (auth.isEmpty() || account.isEmpty()) {
                return signer.error(null, 401, "SIGN_ERROR", mchid == null ? "Authorization header missing or malformed"
                        : "merchant " + mchid + " does not exist");
            }
            String query = request.getQueryString();
            String problem = WxV3Auth.check(account.get(), auth, request.getMethod(),
                    request.getRequestURI() + (query == null ? "" : "?" + query), body,
                    System.currentTimeMillis() / 1000);
            if (problem != null) {
                return signer.error(account.get(), 401, "SIGN_ERROR", problem);
            }
            return handler.apply(new Call(account.get(), body));
        }, () -> signer.error(account.orElse(null), 500, "SYSTEM_ERROR", "系统错误"));
    }
}
