package com.aggpay.router.channel.alipay;

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
import com.aggpay.router.channel.PayerAuthOutcome;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayResponse;
import com.alipay.api.domain.AlipayTradeAppPayModel;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeCreateModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.request.AlipayTradeAppPayRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeCreateRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeCreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Alipay open API through the official SDK. QR and JSAPI open the trade upstream now; WAP, PC and APP only sign the
 * pay data (a form or an order string) locally: the trade opens when the payer submits it, so they are accepted
 * without a call.
 */
@Component
public class AlipayAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(AlipayAdapter.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final Set<PayWay> PAY_WAYS = Set.of(PayWay.ALI_QR, PayWay.ALI_JSAPI, PayWay.ALI_WAP, PayWay.ALI_PC,
            PayWay.ALI_APP);

    private final ChannelClientCache<AliClients> clients;
    private final HttpClient billHttp;
    private final Duration billTimeout;

    public AlipayAdapter(@Value("${aggpay.channel.alipay.connect-timeout:1s}") Duration connectTimeout,
                         @Value("${aggpay.channel.alipay.read-timeout:5s}") Duration readTimeout) {
        this.clients = new ChannelClientCache<>(channel -> AliClients.build(channel, connectTimeout, readTimeout));
        this.billHttp = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        // A bill file is larger than an API answer: give it more time than one call.
        this.billTimeout = readTimeout.multipliedBy(6);
    }

    @Override
    public ChannelType type() {
        return ChannelType.ALIPAY;
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
            return new TradeOutcome.Rejected("PAY_WAY_UNSUPPORTED", request.payWay() + " is not an Alipay pay way");
        }
        if (!"CNY".equals(request.currency())) {
            return new TradeOutcome.Rejected("CURRENCY_UNSUPPORTED", "only CNY");
        }
        AliBuyer buyer = AliBuyer.of(request.channelExtra());
        if (request.payWay() == PayWay.ALI_JSAPI && buyer == null) {
            return new TradeOutcome.Rejected("ACQ.INVALID_PARAMETER",
                    "ALI_JSAPI needs channel_extra.buyer_id or buyer_open_id");
        }
        AliClients sdk;
        try {
            sdk = clients.get(channel);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable Alipay credentials: {}", channel.name(), e.getClass().getName());
            return new TradeOutcome.Rejected("CONFIG_ERROR", "channel credentials unusable");
        }
        TradeOutcome outcome;
        try {
            outcome = switch (request.payWay()) {
                case ALI_QR -> precreate(sdk, channel, request);
                case ALI_JSAPI -> create(sdk, channel, request, buyer);
                case ALI_WAP -> wap(sdk, channel, request);
                case ALI_PC -> page(sdk, channel, request);
                case ALI_APP -> app(sdk, channel, request);
                default -> new TradeOutcome.Rejected("PAY_WAY_UNSUPPORTED", request.payWay().name());
            };
        } catch (AlipayApiException | RuntimeException e) {
            outcome = classifyException(e, channel, request);
        }
        // debug: PlaceTrade logs every attempt with its outcome and latency at info
        log.debug("alipay create channel={} out_trade_no={} pay_way={} outcome={}", channel.name(), request.outTradeNo(),
                request.payWay(), outcome.getClass().getSimpleName());
        return outcome;
    }

    private TradeOutcome precreate(AliClients sdk, ChannelInstance channel, TradeRequest request)
            throws AlipayApiException {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(AliMapper.yuan(request.amount()));
        model.setSubject(request.subject());
        model.setBody(request.body());
        model.setTimeExpire(AliMapper.timeExpire(request.expiresAt()));
        AlipayTradePrecreateRequest call = new AlipayTradePrecreateRequest();
        call.setBizModel(model);
        call.setNotifyUrl(channel.notifyUrl());
        AlipayTradePrecreateResponse response = sdk.client().execute(call);
        return outcome(response, r -> new TradeOutcome.Accepted(PayDataType.CODE_URL, r.getQrCode()),
                response.getQrCode());
    }

    private TradeOutcome create(AliClients sdk, ChannelInstance channel, TradeRequest request, AliBuyer buyer)
            throws AlipayApiException {
        AlipayTradeCreateModel model = new AlipayTradeCreateModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(AliMapper.yuan(request.amount()));
        model.setSubject(request.subject());
        model.setBody(request.body());
        buyer.applyTo(model);
        model.setProductCode("JSAPI_PAY");
        model.setTimeExpire(AliMapper.timeExpire(request.expiresAt()));
        AlipayTradeCreateRequest call = new AlipayTradeCreateRequest();
        call.setBizModel(model);
        call.setNotifyUrl(channel.notifyUrl());
        AlipayTradeCreateResponse response = sdk.client().execute(call);
        // The payer's wallet page calls tradePay({tradeNO}); that is all it needs.
        return outcome(response, r -> new TradeOutcome.Accepted(PayDataType.JSAPI_PARAMS,
                "{\"tradeNO\":\"" + r.getTradeNo() + "\"}"), response.getTradeNo());
    }

    private TradeOutcome wap(AliClients sdk, ChannelInstance channel, TradeRequest request)
            throws AlipayApiException {
        AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(AliMapper.yuan(request.amount()));
        model.setSubject(request.subject());
        model.setBody(request.body());
        model.setProductCode("QUICK_WAP_WAY");
        model.setTimeExpire(AliMapper.timeExpire(request.expiresAt()));
        AlipayTradeWapPayRequest call = new AlipayTradeWapPayRequest();
        call.setBizModel(model);
        call.setNotifyUrl(channel.notifyUrl());
        return localPayData(PayDataType.FORM, sdk.client().pageExecute(call).getBody());
    }

    private TradeOutcome page(AliClients sdk, ChannelInstance channel, TradeRequest request)
            throws AlipayApiException {
        AlipayTradePagePayModel model = new AlipayTradePagePayModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(AliMapper.yuan(request.amount()));
        model.setSubject(request.subject());
        model.setBody(request.body());
        model.setProductCode("FAST_INSTANT_TRADE_PAY");
        model.setTimeExpire(AliMapper.timeExpire(request.expiresAt()));
        AlipayTradePagePayRequest call = new AlipayTradePagePayRequest();
        call.setBizModel(model);
        call.setNotifyUrl(channel.notifyUrl());
        return localPayData(PayDataType.FORM, sdk.client().pageExecute(call).getBody());
    }

    private TradeOutcome app(AliClients sdk, ChannelInstance channel, TradeRequest request)
            throws AlipayApiException {
        AlipayTradeAppPayModel model = new AlipayTradeAppPayModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setTotalAmount(AliMapper.yuan(request.amount()));
        model.setSubject(request.subject());
        model.setBody(request.body());
        model.setProductCode("QUICK_MSECURITY_PAY");
        model.setTimeExpire(AliMapper.timeExpire(request.expiresAt()));
        AlipayTradeAppPayRequest call = new AlipayTradeAppPayRequest();
        call.setBizModel(model);
        call.setNotifyUrl(channel.notifyUrl());
        return localPayData(PayDataType.APP_PARAMS, sdk.client().sdkExecute(call).getBody());
    }

    private static <R extends AlipayResponse> TradeOutcome outcome(R response, Function<R, TradeOutcome> accepted,
                                                                   String payData) {
        if (!"10000".equals(response.getCode())) {
            return AliMapper.classifyFailure(response);
        }
        return payData == null || payData.isBlank()
                ? new TradeOutcome.Unknown("MALFORMED_RESPONSE", "answer lacks the pay data")
                : accepted.apply(response);
    }

    private static TradeOutcome localPayData(PayDataType type, String payData) {
        return payData == null || payData.isBlank() ? new TradeOutcome.Rejected("SIGNING_FAILED", "no pay data built")
                : new TradeOutcome.Accepted(type, payData);
    }

    /**
     * The SDK reports transport failures, non-200 answers and failed response signatures all as exceptions. Only a
     * failure to connect at all is definite; everything after the request may have reached Alipay is unknown.
     */
    private static TradeOutcome classifyException(Exception e, ChannelInstance channel, TradeRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || (t instanceof SocketTimeoutException
                    && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect"))) {
                return new TradeOutcome.Rejected("CONNECT_FAILED", t.getClass().getSimpleName());
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("sign check fail")) {
            security.warn("event=CHANNEL_RESPONSE_SIGNATURE_INVALID channel={} out_trade_no={}", channel.name(),
                    request.outTradeNo());
            return new TradeOutcome.Unknown("RESPONSE_SIGNATURE_INVALID", "response signature did not verify");
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new TradeOutcome.Unknown("IO_AFTER_SEND", root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /**
     * The trade as Alipay reports it (response signature verified by the SDK): {@code Verified} with its status, or
     * {@code Refused} with {@code ACQ.TRADE_NOT_EXIST} or the failure. Not yet on {@link ChannelAdapter}.
     */
    @Override
    public NotifyOutcome queryTrade(ChannelInstance channel, String outTradeNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizModel(model);
        try {
            AlipayTradeQueryResponse r = clients.get(channel).client().execute(query);
            if (!"10000".equals(r.getCode())) {
                return new NotifyOutcome.Refused(r.getSubCode() != null ? r.getSubCode() : String.valueOf(r.getCode()));
            }
            Long amount = AliMapper.fen(r.getTotalAmount());
            if (amount == null || !outTradeNo.equals(r.getOutTradeNo())) {
                return new NotifyOutcome.Refused("MALFORMED_RESPONSE");
            }
            return new NotifyOutcome.Verified(outTradeNo, r.getTradeNo(), channel.accountId(), amount, "CNY",
                    AliMapper.status(r.getTradeStatus()), r.getSendPayDate() == null ? null
                    : r.getSendPayDate().toInstant().atZone(AliMapper.CHINA).toOffsetDateTime());
        } catch (AlipayApiException | RuntimeException e) {
            return new NotifyOutcome.Refused("QUERY_FAILED: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Closes the trade upstream: {@code CLOSED} when it is closed or never existed, {@code PAID} when it was paid
     * meanwhile, {@code UNKNOWN} when the answer is not known (try again later). Not yet on {@link ChannelAdapter}.
     */
    @Override
    public TradeStatus closeTrade(ChannelInstance channel, String outTradeNo) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeCloseRequest close = new AlipayTradeCloseRequest();
        close.setBizModel(model);
        try {
            AlipayTradeCloseResponse r = clients.get(channel).client().execute(close);
            if ("10000".equals(r.getCode()) || "ACQ.TRADE_NOT_EXIST".equals(r.getSubCode())) {
                return TradeStatus.CLOSED;
            }
            if ("ACQ.TRADE_STATUS_ERROR".equals(r.getSubCode())) {
                // paid, finished or already closed: only a query tells which
                return queryTrade(channel, outTradeNo) instanceof NotifyOutcome.Verified v ? v.status() : TradeStatus.UNKNOWN;
            }
            return TradeStatus.UNKNOWN;
        } catch (AlipayApiException | RuntimeException e) {
            return TradeStatus.UNKNOWN;
        }
    }

    /**
     * The payer behind the auth_code of a silent authorisation by this channel's app ({@link AliOAuthToken}); not on
     * {@link ChannelAdapter}: only the wallets' own apps authorise payers.
     */
    public PayerAuthOutcome exchangeAuthCode(ChannelInstance channel, String authCode) {
        AliClients sdk;
        try {
            sdk = clients.get(channel);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable Alipay credentials: {}", channel.name(), e.getClass().getName());
            return new PayerAuthOutcome.Unavailable("CONFIG_ERROR", "channel credentials unusable");
        }
        return AliOAuthToken.exchange(sdk, channel.accountId(), authCode);
    }

    @Override
    public NotifyOutcome verifyPaymentNotification(ChannelInstance channel, ChannelNotification notification) {
        NotifyOutcome outcome;
        try {
            outcome = AliNotifications.verify(channel, clients.get(channel).alipayPublicKey(), notification.body());
        } catch (RuntimeException e) {
            outcome = new NotifyOutcome.Refused("verification failed: " + e.getClass().getSimpleName());
        }
        if (outcome instanceof NotifyOutcome.Refused refused) {
            security.warn("event=CALLBACK_SIGNATURE_INVALID channel={} reason={}", channel.name(), refused.reason());
        }
        return outcome;
    }

    /** Idempotent on out_request_no (= our out_refund_no). */
    @Override
    public RefundOutcome refund(ChannelInstance channel, RefundRequest request) {
        RefundOutcome outcome;
        try {
            outcome = AliRefundCalls.refund(clients.get(channel), channel, request);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable Alipay credentials: {}", channel.name(), e.getClass().getName());
            outcome = new RefundOutcome.Failed("CONFIG_ERROR", "channel credentials unusable");
        }
        log.info("alipay refund channel={} out_trade_no={} out_refund_no={} outcome={}", channel.name(),
                request.outTradeNo(), request.outRefundNo(), outcome.getClass().getSimpleName());
        return outcome;
    }

    @Override
    public RefundOutcome queryRefund(ChannelInstance channel, String outTradeNo, String outRefundNo) {
        try {
            return AliRefundCalls.query(clients.get(channel), channel, outTradeNo, outRefundNo);
        } catch (RuntimeException e) {
            return new RefundOutcome.Unknown("QUERY_FAILED", e.getClass().getSimpleName());
        }
    }

    @Override
    public RefundNotifyOutcome verifyRefundNotification(ChannelInstance channel, ChannelNotification notification) {
        try {
            return AliRefundCalls.verifyNotification(clients.get(channel), channel, notification.body());
        } catch (RuntimeException e) {
            return new RefundNotifyOutcome.Refused("verification failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public ChannelBill downloadBill(ChannelInstance channel, LocalDate day) {
        return AliBillDownload.download(clients.get(channel), billHttp, billTimeout, channel, day);
    }

    /** Alipay announces refunds at the payment notify_url, as a trade_status_sync that carries out_biz_no. */
    @Override
    public boolean announcesRefund(ChannelNotification notification) {
        Map<String, String> form;
        try {
            form = AliNotifications.parseForm(notification.body());
        } catch (IllegalArgumentException e) {
            // a repeated name or a bad %-escape: not a refund; verification refuses it as malformed
            return false;
        }
        return form.containsKey("out_biz_no") && form.containsKey("refund_fee");
    }

    @Override
    public ResponseEntity<String> acknowledge() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }

    /** Anything but the seven characters {@code success} makes Alipay send the notification again. */
    @Override
    public ResponseEntity<String> refuse(String reason) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("fail");
    }
}
