package com.aggpay.simulator.alipay;

import com.aggpay.simulator.account.AliAccount;
import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.crypto.Rsa;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.web.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** One gateway call: find the app, verify {@code sign}, dispatch on {@code method}. */
@Component
public class AliGateway {

    /** Opened by the payer's browser or wallet app from pay data the platform built; answered with a page. */
    static final Set<String> PAYER_OPENED = Set.of("alipay.trade.wap.pay", "alipay.trade.page.pay",
            "alipay.trade.app.pay");
    static final Set<String> CREATES = Set.of("alipay.trade.precreate", "alipay.trade.create", "alipay.trade.wap.pay",
            "alipay.trade.page.pay", "alipay.trade.app.pay");

    private final Accounts accounts;
    private final AliTrades trades;
    private final AliReplies replies;

    AliGateway(Accounts accounts, AliTrades trades, AliReplies replies) {
        this.accounts = accounts;
        this.trades = trades;
        this.replies = replies;
    }

    ResponseEntity<byte[]> call(Map<String, String> params) {
        String method = params.get("method");
        Optional<AliAccount> account = accounts.alipay(params.get("app_id"));
        if (account.isEmpty()) {
            return replies.error(null, method, "40002", "isv.invalid-app-id", "无效的AppID参数");
        }
        AliTrades.Result result = execute(account.get(), params);
        if (PAYER_OPENED.contains(method)) {
            return AliCashierPage.of(result);
        }
        if (result.success()) {
            return replies.success(account.get(), method, result.fields());
        }
        return replies.error(account.get(), method, result.code(), result.subCode(), result.subMsg());
    }

    /** The trade behind a WAP/PC form or an APP order string, opened as if the payer had submitted it. */
    public Optional<Trade> openFromPayData(String payData) {
        Map<String, String> params = AliPayData.params(payData);
        if (params.isEmpty() || !PAYER_OPENED.contains(params.get("method"))) {
            return Optional.empty();
        }
        return accounts.alipay(params.get("app_id"))
                .map(account -> execute(account, params))
                .map(AliTrades.Result::trade);
    }

    private AliTrades.Result execute(AliAccount account, Map<String, String> params) {
        String sign = params.get("sign");
        if (!Rsa.verify(account.appPublicKey(), AliSign.content(params, AliSign.REQUEST_EXCLUDED), sign)) {
            return AliTrades.Result.fail("40002", "isv.invalid-signature", "验签出错");
        }
        if (!"RSA2".equals(params.get("sign_type"))) {
            return AliTrades.Result.fail("40002", "isv.invalid-signature-type", "无效的签名类型");
        }
        JsonNode biz = Json.readObject(params.getOrDefault("biz_content", ""));
        if (biz == null) {
            return AliTrades.Result.fail("40002", "isv.invalid-biz-content", "biz_content 不是 JSON 对象");
        }
        String method = params.get("method") == null ? "" : params.get("method");
        return switch (method) {
            case "alipay.trade.precreate", "alipay.trade.create", "alipay.trade.wap.pay", "alipay.trade.page.pay",
                 "alipay.trade.app.pay" -> trades.open(account, method, biz, params.get("notify_url"));
            case "alipay.trade.query" -> trades.query(account, biz);
            case "alipay.trade.close" -> trades.close(account, biz);
            default -> AliTrades.Result.fail("40002", "isv.invalid-method", "不存在的方法名");
        };
    }
}
