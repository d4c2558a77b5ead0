package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayDataType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** WeChat Pay API v3 through the official SDK in "WeChat Pay public key" mode. */
@Component
public class WxPayV3Adapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WxPayV3Adapter.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<PayWay> PAY_WAYS = Set.of(PayWay.WX_NATIVE, PayWay.WX_JSAPI, PayWay.WX_H5, PayWay.WX_APP);

    private final WxV3ClientCache clients;

    public WxPayV3Adapter(@Value("${aggpay.channel.wxpay-v3.connect-timeout:1s}") Duration connectTimeout,
                          @Value("${aggpay.channel.wxpay-v3.read-timeout:5s}") Duration readTimeout) {
        this.clients = new WxV3ClientCache(channel -> WxV3Clients.build(channel, connectTimeout, readTimeout));
    }

    @Override
    public ChannelType type() {
        return ChannelType.WXPAY_V3;
    }

    @Override
    public Set<PayWay> payWays() {
        return PAY_WAYS;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.QUERY, Capability.CLOSE);
    }

    @Override
    public TradeOutcome createTrade(ChannelInstance channel, TradeRequest request) {
        if (!PAY_WAYS.contains(request.payWay())) {
            return new TradeOutcome.Rejected("PAY_WAY_UNSUPPORTED", request.payWay() + " is not a WeChat Pay v3 pay way");
        }
        String openid = request.channelExtra() == null ? null : request.channelExtra().get("openid");
        if (request.payWay() == PayWay.WX_JSAPI && (openid == null || openid.isBlank())) {
            return new TradeOutcome.Rejected("PARAM_ERROR", "WX_JSAPI needs channel_extra.openid");
        }
        WxV3Clients sdk;
        try {
            sdk = clients.get(channel);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable WeChat Pay v3 credentials: {}", channel.name(), e.getClass().getName());
            return new TradeOutcome.Rejected("CONFIG_ERROR", "channel credentials unusable");
        }
        TradeOutcome outcome = call(channel, request, sdk, openid);
        log.info("wxpay-v3 create channel={} out_trade_no={} pay_way={} outcome={}", channel.name(),
                request.outTradeNo(), request.payWay(), outcome.getClass().getSimpleName());
        return outcome;
    }

    private TradeOutcome call(ChannelInstance channel, TradeRequest request, WxV3Clients sdk, String openid) {
        String mchid = channel.accountId();
        WxV3Credentials c = sdk.credentials();
        WxV3Transport.reset();
        try {
            return switch (request.payWay()) {
                case WX_NATIVE -> accepted(PayDataType.CODE_URL,
                        sdk.nativePay().prepay(WxV3Mapper.nativeRequest(mchid, c, channel.notifyUrl(), request)).getCodeUrl());
                case WX_H5 -> accepted(PayDataType.PAY_URL, sdk.h5().prepay(WxV3Mapper.h5Request(mchid, c,
                        channel.notifyUrl(), request, extra(request, "h5_type", "Wap"))).getH5Url());
                case WX_JSAPI -> {
                    var p = sdk.jsapi().prepayWithRequestPayment(
                            WxV3Mapper.jsapiRequest(mchid, c, channel.notifyUrl(), request, openid));
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("appId", p.getAppId());
                    params.put("timeStamp", p.getTimeStamp());
                    params.put("nonceStr", p.getNonceStr());
                    params.put("package", p.getPackageVal());
                    params.put("signType", p.getSignType());
                    params.put("paySign", p.getPaySign());
                    yield accepted(PayDataType.JSAPI_PARAMS, p.getPackageVal() == null ? null : JSON.writeValueAsString(params));
                }
                case WX_APP -> {
                    var p = sdk.app().prepayWithRequestPayment(WxV3Mapper.appRequest(mchid, c, channel.notifyUrl(), request));
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("appid", p.getAppid());
                    params.put("partnerid", p.getPartnerId());
                    params.put("prepayid", p.getPrepayId());
                    params.put("package", p.getPackageVal());
                    params.put("noncestr", p.getNonceStr());
                    params.put("timestamp", p.getTimestamp());
                    params.put("sign", p.getSign());
                    yield accepted(PayDataType.APP_PARAMS, p.getPrepayId() == null ? null : JSON.writeValueAsString(params));
                }
                default -> new TradeOutcome.Rejected("PAY_WAY_UNSUPPORTED", request.payWay().name());
            };
        } catch (ServiceException e) {
            return WxV3Mapper.classify(e);
        } catch (ValidationException e) {
            // The answer may be forged or altered: whatever it says, we cannot trust its pay data.
            security.warn("event=CHANNEL_RESPONSE_SIGNATURE_INVALID channel={} out_trade_no={}", channel.name(),
                    request.outTradeNo());
            return new TradeOutcome.Unknown("RESPONSE_SIGNATURE_INVALID", "response signature did not verify");
        } catch (RuntimeException e) {
            return transportFailure(e);
        }
    }

    /** HttpException and anything else: only a failure before the request reached the wire is a rejection. */
    private static TradeOutcome transportFailure(RuntimeException e) {
        String detail = e.getCause() != null ? e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()
                : e.getClass().getSimpleName();
        return WxV3Transport.sent() ? new TradeOutcome.Unknown("IO_AFTER_SEND", detail)
                : new TradeOutcome.Rejected("CONNECT_FAILED", detail);
    }

    private static TradeOutcome accepted(PayDataType type, String payData) {
        return payData == null || payData.isBlank()
                ? new TradeOutcome.Unknown("MALFORMED_RESPONSE", "answer lacks the pay data")
                : new TradeOutcome.Accepted(type, payData);
    }

    private static String extra(TradeRequest request, String key, String fallback) {
        String value = request.channelExtra() == null ? null : request.channelExtra().get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The trade as WeChat Pay reports it (its response signature verified): {@code Verified} with its status, or
     * {@code Refused} with {@code ORDER_NOT_EXIST} or the failure. Not yet on {@link ChannelAdapter}.
     */
    @Override
    public NotifyOutcome queryTrade(ChannelInstance channel, String outTradeNo) {
        var query = new com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest();
        query.setMchid(channel.accountId());
        query.setOutTradeNo(outTradeNo);
        try {
            Transaction transaction = clients.get(channel).nativePay().queryOrderByOutTradeNo(query);
            return WxV3Notifications.verified(channel, transaction)
                    .orElseGet(() -> new NotifyOutcome.Refused("MALFORMED_RESPONSE"));
        } catch (ServiceException e) {
            return new NotifyOutcome.Refused(e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode() : e.getErrorCode());
        } catch (RuntimeException e) {
            return new NotifyOutcome.Refused("QUERY_FAILED: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Closes the trade upstream: {@code CLOSED} when it is closed or never existed, {@code PAID} when it was paid
     * meanwhile, {@code UNKNOWN} when the answer is not known (try again later). Not yet on {@link ChannelAdapter}.
     */
    @Override
    public TradeStatus closeTrade(ChannelInstance channel, String outTradeNo) {
        var close = new com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest();
        close.setMchid(channel.accountId());
        close.setOutTradeNo(outTradeNo);
        try {
            clients.get(channel).nativePay().closeOrder(close);
            return TradeStatus.CLOSED;
        } catch (ServiceException e) {
            return switch (String.valueOf(e.getErrorCode())) {
                case "ORDERPAID" -> TradeStatus.PAID;
                case "ORDER_NOT_EXIST", "ORDER_CLOSED" -> TradeStatus.CLOSED;
                default -> TradeStatus.UNKNOWN;
            };
        } catch (RuntimeException e) {
            return TradeStatus.UNKNOWN;
        }
    }

    @Override
    public NotifyOutcome verifyPaymentNotification(ChannelInstance channel, ChannelNotification notification) {
        Transaction transaction;
        try {
            RequestParam param = new RequestParam.Builder()
                    .serialNumber(notification.header("Wechatpay-Serial"))
                    .nonce(notification.header("Wechatpay-Nonce"))
                    .signature(notification.header("Wechatpay-Signature"))
                    .timestamp(notification.header("Wechatpay-Timestamp"))
                    .signType(notification.header("Wechatpay-Signature-Type") == null ? "WECHATPAY2-SHA256-RSA2048"
                            : notification.header("Wechatpay-Signature-Type"))
                    .body(new String(notification.body(), StandardCharsets.UTF_8))
                    .build();
            transaction = clients.get(channel).notifications().parse(param, Transaction.class);
        } catch (RuntimeException e) {
            return refused(channel, "NOTIFY_SIGNATURE_INVALID", "signature or decryption failed: " + e.getClass().getSimpleName());
        }
        return WxV3Notifications.verified(channel, transaction)
                .orElseGet(() -> refused(channel, "NOTIFY_CONTENT_INVALID", "notification content does not fit this channel"));
    }

    private static NotifyOutcome refused(ChannelInstance channel, String event, String reason) {
        security.warn("event={} channel={} reason={}", event, channel.name(), reason);
        return new NotifyOutcome.Refused(reason);
    }

    @Override
    public ResponseEntity<String> acknowledge() {
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<String> refuse(String reason) {
        String message = reason == null ? "refused" : reason.replace("\\", "\\\\").replace("\"", "\\\"");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":\"FAIL\",\"message\":\"" + message + "\"}");
    }
}
