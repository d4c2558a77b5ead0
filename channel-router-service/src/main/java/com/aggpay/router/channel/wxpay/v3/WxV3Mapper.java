package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.model.Transaction;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Pure functions between our records and the SDK's: requests, trade states, error classes. */
final class WxV3Mapper {

    private static final int MAX_DESCRIPTION = 127;

    private WxV3Mapper() {
    }

    /** The one place a v3 trade_state becomes ours; the SDK leaves an unknown state null, which is UNKNOWN. */
    static TradeStatus status(Transaction.TradeStateEnum state) {
        if (state == null) {
            return TradeStatus.UNKNOWN;
        }
        return switch (state) {
            case SUCCESS -> TradeStatus.PAID;
            case REFUND -> TradeStatus.REFUNDED;
            case NOTPAY -> TradeStatus.NOT_PAID;
            case CLOSED, REVOKED -> TradeStatus.CLOSED;
            case USERPAYING, ACCEPT -> TradeStatus.PAYING;
            case PAYERROR -> TradeStatus.FAILED;
        };
    }

    /**
     * CHANNELS.md "Outcome classes" for an HTTP error answer. Codes not known to be definite stay unknown: a wrong
     * "unknown" costs one background close, a wrong "rejected" can hand out two payable trades.
     */
    static TradeOutcome classify(ServiceException e) {
        String code = e.getErrorCode() == null || e.getErrorCode().isBlank() ? "HTTP_" + e.getHttpStatusCode()
                : e.getErrorCode();
        String message = e.getErrorMessage();
        if ("ORDERPAID".equals(code)) {
            return new TradeOutcome.Paid(code);
        }
        if (e.getHttpStatusCode() >= 500) {
            return new TradeOutcome.Unknown(code, message);
        }
        return switch (code) {
            case "PARAM_ERROR", "INVALID_REQUEST", "SIGN_ERROR", "NO_AUTH", "APPID_MCHID_NOT_MATCH", "MCH_NOT_EXISTS",
                 "ORDER_CLOSED", "RULE_LIMIT", "ACCOUNTERROR", "OUT_TRADE_NO_INVALID" ->
                    new TradeOutcome.Rejected(code, message);
            default -> new TradeOutcome.Unknown(code, message);
        };
    }

    static String description(TradeRequest request) {
        String subject = request.subject() == null ? "" : request.subject();
        return subject.length() <= MAX_DESCRIPTION ? subject : subject.substring(0, MAX_DESCRIPTION);
    }

    static String timeExpire(TradeRequest request) {
        return request.expiresAt() == null ? null
                : request.expiresAt().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest nativeRequest(
            String mchid, WxV3Credentials credentials, String notifyUrl, TradeRequest request) {
        var r = new com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.nativepay.model.Amount();
        amount.setTotal(Math.toIntExact(request.amount()));
        amount.setCurrency(request.currency());
        r.setAppid(credentials.appid());
        r.setMchid(mchid);
        r.setDescription(description(request));
        r.setOutTradeNo(request.outTradeNo());
        r.setTimeExpire(timeExpire(request));
        r.setNotifyUrl(notifyUrl);
        r.setAmount(amount);
        return r;
    }

    static com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest jsapiRequest(
            String mchid, WxV3Credentials credentials, String notifyUrl, TradeRequest request, String openid) {
        var r = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(Math.toIntExact(request.amount()));
        amount.setCurrency(request.currency());
        var payer = new com.wechat.pay.java.service.payments.jsapi.model.Payer();
        payer.setOpenid(openid);
        r.setAppid(credentials.appid());
        r.setMchid(mchid);
        r.setDescription(description(request));
        r.setOutTradeNo(request.outTradeNo());
        r.setTimeExpire(timeExpire(request));
        r.setNotifyUrl(notifyUrl);
        r.setAmount(amount);
        r.setPayer(payer);
        return r;
    }

    static com.wechat.pay.java.service.payments.h5.model.PrepayRequest h5Request(
            String mchid, WxV3Credentials credentials, String notifyUrl, TradeRequest request, String h5Type) {
        var r = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
        amount.setTotal(Math.toIntExact(request.amount()));
        amount.setCurrency(request.currency());
        var h5 = new com.wechat.pay.java.service.payments.h5.model.H5Info();
        h5.setType(h5Type);
        var scene = new com.wechat.pay.java.service.payments.h5.model.SceneInfo();
        scene.setPayerClientIp(request.clientIp());
        scene.setH5Info(h5);
        r.setAppid(credentials.appid());
        r.setMchid(mchid);
        r.setDescription(description(request));
        r.setOutTradeNo(request.outTradeNo());
        r.setTimeExpire(timeExpire(request));
        r.setNotifyUrl(notifyUrl);
        r.setAmount(amount);
        r.setSceneInfo(scene);
        return r;
    }

    static com.wechat.pay.java.service.payments.app.model.PrepayRequest appRequest(
            String mchid, WxV3Credentials credentials, String notifyUrl, TradeRequest request) {
        var r = new com.wechat.pay.java.service.payments.app.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.app.model.Amount();
        amount.setTotal(Math.toIntExact(request.amount()));
        amount.setCurrency(request.currency());
        r.setAppid(credentials.appid());
        r.setMchid(mchid);
        r.setDescription(description(request));
        r.setOutTradeNo(request.outTradeNo());
        r.setTimeExpire(timeExpire(request));
        r.setNotifyUrl(notifyUrl);
        r.setAmount(amount);
        return r;
    }
}
