package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelBill;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelClientCache;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayDataType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.billdownload.model.TarType;
import com.wechat.pay.java.service.payments.model.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    private final ChannelClientCache<WxV3Clients> clients;

    public WxPayV3Adapter(@Value("${aggpay.channel.wxpay-v3.connect-timeout:1s}") Duration connectTimeout,
                          @Value("${aggpay.channel.wxpay-v3.read-timeout:5s}") Duration readTimeout) {
        this.clients = new ChannelClientCache<>(channel -> WxV3Clients.build(channel, connectTimeout, readTimeout));
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
        return EnumSet.of(Capability.QUERY, Capability.CLOSE, Capability.REFUND, Capability.REFUND_QUERY,
                Capability.REFUND_NOTIFY, Capability.BILL);
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
        // debug: PlaceTrade logs every attempt with its outcome and latency at info
        log.debug("wxpay-v3 create channel={} out_trade_no={} pay_way={} outcome={}", channel.name(),
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

    /** Idempotent on out_refund_no: the same request again answers the first refund, never a second one. */
    @Override
    public RefundOutcome refund(ChannelInstance channel, RefundRequest request) {
        RefundOutcome outcome;
        WxV3Transport.reset();
        try {
            outcome = checked(request, WxV3Refunds.outcome(clients.get(channel).refunds()
                    .create(WxV3Refunds.createRequest(channel.notifyUrl(), request))));
        } catch (ServiceException e) {
            outcome = WxV3Refunds.classify(e);
        } catch (ValidationException e) {
            security.warn("event=CHANNEL_RESPONSE_SIGNATURE_INVALID channel={} out_refund_no={}", channel.name(),
                    request.outRefundNo());
            outcome = new RefundOutcome.Unknown("RESPONSE_SIGNATURE_INVALID", "response signature did not verify");
        } catch (RuntimeException e) {
            // Not sent at all (connection refused, unusable credentials): definitely not refunded.
            outcome = WxV3Transport.sent() ? new RefundOutcome.Unknown("IO_AFTER_SEND", e.getClass().getSimpleName())
                    : new RefundOutcome.Failed("CONNECT_FAILED", e.getClass().getSimpleName());
        }
        log.info("wxpay-v3 refund channel={} out_trade_no={} out_refund_no={} outcome={}", channel.name(),
                request.outTradeNo(), request.outRefundNo(), outcome.getClass().getSimpleName());
        return outcome;
    }

    /** A success for another amount than asked is not ours to believe: the order side must look. */
    private static RefundOutcome checked(RefundRequest request, RefundOutcome outcome) {
        if (outcome instanceof RefundOutcome.Succeeded s && s.amount() != request.refundAmount()) {
            return new RefundOutcome.Unknown("AMOUNT_MISMATCH", "refunded " + s.amount() + ", asked " + request.refundAmount());
        }
        return outcome;
    }

    /**
     * The refund as WeChat Pay reports it. A refund WeChat does not know is Unknown (REFUND_NOT_FOUND), not Failed:
     * the request may still be in flight; sending it again with the same out_refund_no is always safe.
     */
    @Override
    public RefundOutcome queryRefund(ChannelInstance channel, String outTradeNo, String outRefundNo) {
        var query = new com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest();
        query.setOutRefundNo(outRefundNo);
        try {
            var refund = clients.get(channel).refunds().queryByOutRefundNo(query);
            if (!outTradeNo.equals(refund.getOutTradeNo()) || !outRefundNo.equals(refund.getOutRefundNo())) {
                return new RefundOutcome.Unknown("MISMATCH", "answer is about another trade or refund");
            }
            return WxV3Refunds.outcome(refund);
        } catch (ServiceException e) {
            return "RESOURCE_NOT_EXISTS".equals(e.getErrorCode())
                    ? new RefundOutcome.Unknown("REFUND_NOT_FOUND", "WeChat Pay knows no such refund (yet)")
                    : new RefundOutcome.Unknown(e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode()
                    : e.getErrorCode(), e.getErrorMessage());
        } catch (RuntimeException e) {
            return new RefundOutcome.Unknown("QUERY_FAILED", e.getClass().getSimpleName());
        }
    }

    @Override
    public RefundNotifyOutcome verifyRefundNotification(ChannelInstance channel, ChannelNotification notification) {
        String body = new String(notification.body(), StandardCharsets.UTF_8);
        WxV3RefundResource resource;
        String eventType;
        try {
            resource = clients.get(channel).notifications().parse(requestParam(notification, body),
                    WxV3RefundResource.class);
            // Read only after the signature over the whole body verified: event_type is covered by it.
            eventType = JSON.readTree(body).path("event_type").asString(null);
        } catch (RuntimeException e) {
            security.warn("event=NOTIFY_SIGNATURE_INVALID channel={} kind=refund reason={}", channel.name(),
                    e.getClass().getSimpleName());
            return new RefundNotifyOutcome.Refused("signature or decryption failed: " + e.getClass().getSimpleName());
        }
        RefundNotifyOutcome outcome = WxV3Refunds.verified(channel.accountId(), eventType, resource);
        if (outcome instanceof RefundNotifyOutcome.Refused r) {
            security.warn("event=NOTIFY_CONTENT_INVALID channel={} kind=refund reason={}", channel.name(), r.reason());
        }
        return outcome;
    }

    /**
     * The trade bill (bill_type ALL, gzip) of one day: the SDK fetches download_url with a signed request and the
     * SHA1 it was given is checked after reading. A day without trades has no bill upstream: an empty bill here.
     */
    @Override
    public ChannelBill downloadBill(ChannelInstance channel, LocalDate day) {
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        request.setBillType(BillType.ALL);
        request.setTarType(TarType.GZIP);
        try {
            DigestBillEntity bill = clients.get(channel).bills().getTradeBill(request);
            String csv;
            try (InputStream in = bill.getInputStream()) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!bill.verifyHash()) {
                throw new IllegalStateException("bill of " + day + " for channel " + channel.name() + " fails its SHA1");
            }
            return WxV3BillParser.parse(channel.name(), day, csv);
        } catch (ServiceException e) {
            if ("NO_STATEMENT_EXIST".equals(e.getErrorCode())) {
                return new ChannelBill(channel.name(), day, List.of());
            }
            throw new IllegalStateException("bill of " + day + " for channel " + channel.name() + " not available: "
                    + e.getErrorCode(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestParam requestParam(ChannelNotification notification, String body) {
        return new RequestParam.Builder()
                .serialNumber(notification.header("Wechatpay-Serial"))
                .nonce(notification.header("Wechatpay-Nonce"))
                .signature(notification.header("Wechatpay-Signature"))
                .timestamp(notification.header("Wechatpay-Timestamp"))
                .signType(notification.header("Wechatpay-Signature-Type") == null ? "WECHATPAY2-SHA256-RSA2048"
                        : notification.header("Wechatpay-Signature-Type"))
                .body(body)
                .build();
    }

    private static NotifyOutcome refused(ChannelInstance channel, String event, String reason) {
        security.warn("event={} channel={} reason={}", event, channel.name(), reason);
        return new NotifyOutcome.Refused(reason);
    }

    @Override
    public ResponseEntity<String> acknowledge() {
        return ResponseEntity.noContent().build();
    }

    /** WeChat Pay v3 sends a notification again on any 4xx or 5xx with {@code {"code":"FAIL",...}}. */
    @Override
    public ResponseEntity<String> refuse(String reason) {
        String message = reason == null ? "refused" : reason.replace("\\", "\\\\").replace("\"", "\\\"");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":\"FAIL\",\"message\":\"" + message + "\"}");
    }
}
