package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.web.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Validates a prepay request, opens the trade (idempotently) and builds the answer of its trade type. */
final class WxV3Prepay {

    /** URL segment → trade_type. */
    static final Map<String, String> TYPES = Map.of("native", "NATIVE", "jsapi", "JSAPI", "h5", "MWEB", "app", "APP");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*]{6,32}");

    private final Ledger ledger;
    private final WxV3Signer signer;

    WxV3Prepay(Ledger ledger, WxV3Signer signer) {
        this.ledger = ledger;
        this.signer = signer;
    }

    /** Kind and body together: a repeat must match both to get the first answer again. */
    record Params(String type, JsonNode body) {
    }

    ResponseEntity<byte[]> prepay(WxV3Account account, String type, JsonNode json) {
        String invalid = invalid(account, type, json);
        if (invalid != null) {
            return signer.error(account, 400, invalid.startsWith("appid") ? "APPID_MCHID_NOT_MATCH" : "PARAM_ERROR",
                    invalid);
        }
        String token = TradeNumbers.wxPrepayId();
        String answer = Json.write(switch (type) {
            case "native" -> Map.of("code_url", "weixin://wxpay/bizpayurl?pr=" + token);
            case "h5" -> Map.of("h5_url", "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + token
                    + "&package=" + Randoms.digits(10));
            default -> Map.of("prepay_id", token);
        });
        JsonNode amount = json.path("amount");
        String openid = json.path("payer").path("openid").asString(null);
        Trade trade = new Trade(Protocol.WXPAY_V3, account.mchid(), account.appid(),
                json.path("out_trade_no").asString(), TradeNumbers.wxTransactionId(), token, TYPES.get(type),
                amount.path("total").asLong(), amount.path("currency").asString("CNY"),
                json.path("description").asString(), openid, json.path("notify_url").asString(),
                new Params(type, json), answer, OffsetDateTime.now());
        Trade stored = ledger.putIfAbsent(trade);
        if (stored == trade) {
            return signer.reply(account, 200, answer);
        }
        return switch (stored.state()) {
            case PAID, REFUNDED -> signer.error(account, 400, "ORDERPAID", "该订单已支付");
            case CLOSED -> signer.error(account, 400, "ORDER_CLOSED", "订单已关闭");
            case NOTPAY -> stored.createParams().equals(trade.createParams())
                    ? signer.reply(account, 200, stored.createAnswer())
                    : signer.error(account, 400, "INVALID_REQUEST", "201 商户订单号重复");
        };
    }

    /** Null when valid, else the PARAM_ERROR message. */
    private static String invalid(WxV3Account account, String type, JsonNode json) {
        if (!account.appid().equals(json.path("appid").asString(""))) {
            return "appid " + json.path("appid").asString("") + " is not bound to mchid " + account.mchid();
        }
        String description = json.path("description").asString("");
        if (description.isEmpty() || description.length() > 127) {
            return "description must be 1-127 characters";
        }
        if (!OUT_TRADE_NO.matcher(json.path("out_trade_no").asString("")).matches()) {
            return "out_trade_no must be 6-32 characters of [0-9A-Za-z_-|*]";
        }
        String notifyUrl = json.path("notify_url").asString("");
        if (!(notifyUrl.startsWith("https://") || notifyUrl.startsWith("http://")) || notifyUrl.length() > 255) {
            return "notify_url must be an absolute http(s) URL";
        }
        JsonNode amount = json.path("amount");
        if (!amount.path("total").isIntegralNumber() || amount.path("total").asLong() < 1) {
            return "amount.total must be a positive integer (fen)";
        }
        if (!amount.path("currency").isMissingNode() && !"CNY".equals(amount.path("currency").asString(""))) {
            return "amount.currency must be CNY";
        }
        if (json.hasNonNull("time_expire")) {
            try {
                OffsetDateTime.parse(json.path("time_expire").asString(""));
            } catch (DateTimeParseException e) {
                return "time_expire must be RFC 3339";
            }
        }
        if ("jsapi".equals(type) && json.path("payer").path("openid").asString("").isEmpty()) {
            return "payer.openid is required for JSAPI";
        }
        if ("h5".equals(type) && (json.path("scene_info").path("payer_client_ip").asString("").isEmpty()
                || json.path("scene_info").path("h5_info").path("type").asString("").isEmpty())) {
            return "scene_info.payer_client_ip and scene_info.h5_info.type are required for H5";
        }
        return null;
    }
}
