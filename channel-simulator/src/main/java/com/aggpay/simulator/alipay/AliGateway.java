package com.aggpay.simulator.alipay;

import com.aggpay.simulator.account.AliAccount;
import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.bill.BillDay;
import com.aggpay.simulator.bill.BillFiles;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.crypto.Rsa;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.oauth.OAuthCodes;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.web.Json;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** One gateway call: find the app, verify {@code sign}, dispatch on {@code method} (trades, refunds, bills, OAuth). */
@Component
public class AliGateway {

    /** Opened by the payer's browser or wallet app from pay data the platform built; answered with a page. */
    static final Set<String> PAYER_OPENED = Set.of("alipay.trade.wap.pay", "alipay.trade.page.pay",
            "alipay.trade.app.pay");
    static final Set<String> CREATES = Set.of("alipay.trade.precreate", "alipay.trade.create", "alipay.trade.wap.pay",
            "alipay.trade.page.pay", "alipay.trade.app.pay");
    /** Calls that move money or open trades: ERROR_5XX and TIMEOUT_AFTER_ACCEPT do the work, then fail the answer. */
    static final Set<String> MUTATING = Set.of("alipay.trade.precreate", "alipay.trade.create", "alipay.trade.wap.pay",
            "alipay.trade.page.pay", "alipay.trade.app.pay", "alipay.trade.refund");
    private static final String OAUTH_TOKEN = "alipay.system.oauth.token";

    private final Accounts accounts;
    private final AliTrades trades;
    private final AliReplies replies;
    private final AliRefunds refunds;
    private final BillDay billDay;
    private final BillFiles billFiles;
    private final OAuthCodes oauthCodes;

    AliGateway(Accounts accounts, AliTrades trades, AliReplies replies, AliRefunds refunds, BillDay billDay,
               BillFiles billFiles, OAuthCodes oauthCodes) {
        this.accounts = accounts;
        this.trades = trades;
        this.replies = replies;
        this.refunds = refunds;
        this.billDay = billDay;
        this.billFiles = billFiles;
        this.oauthCodes = oauthCodes;
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
        String method = params.get("method") == null ? "" : params.get("method");
        if (OAUTH_TOKEN.equals(method)) {
            return oauthToken(account, params);
        }
        JsonNode biz = Json.readObject(params.getOrDefault("biz_content", ""));
        if (biz == null) {
            return AliTrades.Result.fail("40002", "isv.invalid-biz-content", "biz_content 不是 JSON 对象");
        }
        return switch (method) {
            case "alipay.trade.precreate", "alipay.trade.create", "alipay.trade.wap.pay", "alipay.trade.page.pay",
                 "alipay.trade.app.pay" -> trades.open(account, method, biz, params.get("notify_url"));
            case "alipay.trade.query" -> trades.query(account, biz);
            case "alipay.trade.close" -> trades.close(account, biz);
            case "alipay.trade.refund" -> refunds.refund(account, biz);
            case "alipay.trade.fastpay.refund.query" -> refunds.query(account, biz);
            case "alipay.data.dataservice.bill.downloadurl.query" -> billUrl(account, biz);
            default -> AliTrades.Result.fail("40002", "isv.invalid-method", "不存在的方法名");
        };
    }

    /**
     * The day's trade bill as a download URL on this simulator. Only {@code bill_type=trade} by day; a day without
     * payments or refunds has no bill ({@code isp.bill_not_exist}), as Alipay.
     */
    private AliTrades.Result billUrl(AliAccount account, JsonNode biz) {
        if (!"trade".equals(biz.path("bill_type").asString(""))) {
            return AliTrades.Result.fail("40004", "isv.invalid-bill-type", "账单类型不合法，本模拟器只提供 trade");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(biz.path("bill_date").asString(""));
        } catch (DateTimeParseException e) {
            return AliTrades.Result.fail("40004", "isv.invalid-bill-date", "账单时间格式不正确，应为 yyyy-MM-dd");
        }
        if (day.isAfter(LocalDate.now(TradeNumbers.CHINA))) {
            return AliTrades.Result.fail("40004", "isv.invalid-bill-date", "账单时间不能晚于今天");
        }
        var payments = billDay.payments(account.appId(), day);
        var refunded = billDay.refunds(account.appId(), day);
        if (payments.isEmpty() && refunded.isEmpty()) {
            return AliTrades.Result.fail("40004", "isp.bill_not_exist", "账单不存在");
        }
        String name = AliBill.userId(account.appId()) + "_" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv.zip";
        String token = billFiles.put(new BillFiles.File(account.appId(), name, "application/oct-stream",
                AliBill.zip(account.appId(), day, payments, refunded)));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/downloadBillFile.resource")
                .queryParam("bizType", "trade").queryParam("userId", AliBill.userId(account.appId()))
                .queryParam("fileType", "csv.zip").queryParam("bizDates", day.format(DateTimeFormatter.BASIC_ISO_DATE))
                .queryParam("downloadFileName", name).queryParam("fileId", token).encode().toUriString();
        return AliTrades.Result.ok(Map.of("bill_download_url", url), null);
    }

    /**
     * {@code alipay.system.oauth.token}: an auth_code of the auth_base stand-in → the payer's user_id (buyer_id), or its
     * open_id (buyer_open_id) for a code issued with {@code sim_openid=1}.
     */
    private AliTrades.Result oauthToken(AliAccount account, Map<String, String> params) {
        if (!"authorization_code".equals(params.get("grant_type"))) {
            return AliTrades.Result.fail("40002", "isv.grant-type-invalid", "不支持的grantType");
        }
        Optional<OAuthCodes.Grant> grant = oauthCodes.redeemGrant(account.appId(), params.get("code"));
        if (grant.isEmpty()) {
            return AliTrades.Result.fail("40002", "isv.code-invalid", "授权码code无效");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        // Apps created since 2023 know payers by OpenID only: no user_id in the answer (API.md: sim_openid=1).
        if (grant.get().openId()) {
            fields.put("open_id", OAuthCodes.aliOpenId(account.appId(), grant.get().payerId()));
        } else {
            fields.put("user_id", OAuthCodes.aliUserId(account.appId(), grant.get().payerId()));
        }
        fields.put("access_token", "authbseB" + Randoms.alnum(32));
        fields.put("expires_in", 1296000);
        fields.put("refresh_token", "authbseB" + Randoms.alnum(32));
        fields.put("re_expires_in", 2592000);
        fields.put("auth_start", ZonedDateTime.now(TradeNumbers.CHINA).format(AliTrades.TIME));
        return AliTrades.Result.ok(fields, null);
    }
}
