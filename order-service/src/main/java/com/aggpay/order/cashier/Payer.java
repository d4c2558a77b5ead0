package com.aggpay.order.cashier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A payer as their wallet named them to the cashier: the gateway learnt the id from the wallet's own authorisation
 * (never from the browser) and passes it on over the signed service call.
 *
 * @param wallet  WECHAT, ALIPAY or UNIONPAY
 * @param payerId WeChat openid, Alipay user_id or OpenID, UnionPay appUserId
 * @param idKind  OPENID (WeChat), USER_ID or OPEN_ID (Alipay), APP_USER_ID (UnionPay)
 * @param appId   the app that issued the id (WeChat appid, Alipay app_id): trades must be opened by that app's
 *                channels, since the id means nothing to another app; null for UnionPay, whose id is not per app
 */
public record Payer(String wallet, String payerId, String idKind, String appId) {

    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    /** What is wrong with this payer, if anything (a programming error of the gateway: answered 400). */
    public Optional<String> problem() {
        if (wallet == null || payerId == null || idKind == null || !ID.matcher(payerId).matches()) {
            return Optional.of("payer needs wallet, payer_id (1-128 printable characters) and id_kind");
        }
        boolean kindFits = switch (wallet) {
            case "WECHAT" -> idKind.equals("OPENID") && appId != null;
            case "ALIPAY" -> idKind.equals("USER_ID") || (idKind.equals("OPEN_ID") && appId != null);
            case "UNIONPAY" -> idKind.equals("APP_USER_ID");
            default -> false;
        };
        if (!kindFits || (appId != null && !APP_ID.matcher(appId).matches())) {
            return Optional.of("payer's wallet, id_kind and app_id do not fit together");
        }
        return Optional.empty();
    }

    /** The payer across all of the platform's static codes, for the daily cap and for "whose order is this". */
    public String key() {
        return wallet + ":" + payerId;
    }

    /** The pay way that opens a payment inside this wallet. */
    public String payWay() {
        return switch (wallet) {
            case "WECHAT" -> "WX_JSAPI";
            case "ALIPAY" -> "ALI_JSAPI";
            default -> "UP_JSAPI";
        };
    }

    /**
     * The order's channel_extra naming this payer (API.md): with the issuing app, so the router opens the trade on a
     * channel of that app only.
     */
    public Map<String, String> channelExtra() {
        Map<String, String> extra = new LinkedHashMap<>();
        switch (wallet) {
            case "WECHAT" -> {
                extra.put("openid", payerId);
                extra.put("appid", appId);
            }
            case "ALIPAY" -> {
                if (idKind.equals("OPEN_ID")) {
                    extra.put("buyer_open_id", payerId);
                    extra.put("op_app_id", appId);
                } else {
                    extra.put("buyer_id", payerId);
                }
            }
            default -> extra.put("user_id", payerId);
        }
        return extra;
    }
}
