package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelBill;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * UnionPay 全渠道: the merchant-presented QR (UP_QR, 01/07 → qrCode) and the consumption by a payer inside the
 * 云闪付 wallet (UP_JSAPI, 01/01 with the payer's appUserId → tn for {@code upsdk.pay}), hand-written: no official SDK is on Maven Central. Form POSTs signed
 * with the merchant key; every answer and notification verified with UnionPay's key and certId before anything in it
 * is used.
 *
 * <p>Close: a UnionPay order (QR or wallet consumption) has no "close" call. Closing queries the order; a paid one is
 * PAID, a missing or failed one CLOSED, and an unpaid one is cancelled (撤销, txnType 31) so that it can never be
 * paid, then CLOSED.
 */
@Component
public class UnionPayAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(UnionPayAdapter.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final Set<PayWay> PAY_WAYS = Set.of(PayWay.UP_QR, PayWay.UP_JSAPI);

    private final UpExchange exchange;
    private final UpUserAuth userAuth;
    private final Clock clock;

    public UnionPayAdapter(@Value("${aggpay.channel.unionpay.connect-timeout:1s}") Duration connectTimeout,
                           @Value("${aggpay.channel.unionpay.read-timeout:5s}") Duration readTimeout, Clock clock) {
        this.exchange = new UpExchange(connectTimeout, readTimeout);
        this.userAuth = new UpUserAuth(exchange);
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.UNIONPAY;
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
            return new TradeOutcome.Rejected("PAY_WAY_UNSUPPORTED", request.payWay() + " is not a UnionPay pay way");
        }
        if (!"CNY".equals(request.currency())) {
            return new TradeOutcome.Rejected("CURRENCY_UNSUPPORTED", "UnionPay settles CNY only");
        }
        String appUserId = request.channelExtra() == null ? null : request.channelExtra().get("user_id");
        if (request.payWay() == PayWay.UP_JSAPI && (appUserId == null || appUserId.isBlank())) {
            // never sent: UnionPay would refuse it as 13 (报文交易要素缺失), so the next channel may be tried
            return new TradeOutcome.Rejected("13", "UP_JSAPI needs channel_extra.user_id (the payer's appUserId)");
        }
        UpCredentials credentials;
        try {
            credentials = UpCredentials.of(channel);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable UnionPay credentials: {}", channel.name(), e.getMessage());
            return new TradeOutcome.Rejected("CONFIG_ERROR", "channel credentials unusable");
        }
        TradeOutcome outcome = open(channel, credentials, request, appUserId);
        // debug: PlaceTrade logs every attempt with its outcome and latency at info
        log.debug("unionpay create channel={} out_trade_no={} outcome={}", channel.name(), request.outTradeNo(),
                outcome.getClass().getSimpleName());
        return outcome;
    }

    private TradeOutcome open(ChannelInstance channel, UpCredentials credentials, TradeRequest request,
                              String appUserId) {
        boolean wallet = request.payWay() == PayWay.UP_JSAPI;
        UpAnswer answer = exchange.call(channel, credentials, UpRequests.BACK_TRANS, wallet
                ? UpRequests.consume(channel, credentials.merchantCertId(), request, appUserId)
                : UpRequests.applyQr(channel, credentials.merchantCertId(), request));
        if (answer instanceof UpAnswer.NotSent notSent) {
            return new TradeOutcome.Rejected("CONNECT_FAILED", notSent.detail());
        }
        if (answer instanceof UpAnswer.NoAnswer none) {
            return new TradeOutcome.Unknown(none.code(), none.detail());
        }
        UpAnswer.Verified v = (UpAnswer.Verified) answer;
        switch (UpMapper.answer(v.respCode())) {
            case SUCCESS:
                return wallet ? UpMapper.walletPayData(v.get("tn"))
                        .<TradeOutcome>map(params -> new TradeOutcome.Accepted(PayDataType.JSAPI_PARAMS, params))
                        .orElseGet(() -> new TradeOutcome.Unknown("MALFORMED_RESPONSE", "answer lacks a usable tn"))
                        : qrCode(v.get("qrCode"));
            case DUPLICATE:
                // The orderId is taken upstream: ours and paid (a retry after payment), closed, or other parameters.
                // Only a signed query can say which; never hand out or fail over on the refusal text alone.
                return queryOrder(channel, credentials, request.outTradeNo()) instanceof NotifyOutcome.Verified q
                        && q.status() == TradeStatus.PAID && q.amount() == request.amount()
                        ? new TradeOutcome.Paid(v.respCode())
                        : new TradeOutcome.Unknown(v.respCode(), v.respMsg());
            case UNKNOWN:
                return new TradeOutcome.Unknown(v.respCode(), v.respMsg());
            default:
                return new TradeOutcome.Rejected(v.respCode(), v.respMsg());
        }
    }

    private static TradeOutcome qrCode(String qrCode) {
        return qrCode == null || qrCode.isBlank()
                ? new TradeOutcome.Unknown("MALFORMED_RESPONSE", "answer lacks qrCode")
                : new TradeOutcome.Accepted(PayDataType.CODE_URL, qrCode);
    }

    /**
     * The payer's appUserId for the userAuthCode of 云闪付's silent user authorisation ({@link UpUserAuth}); not on
     * {@link ChannelAdapter}: only the wallets' own apps authorise payers.
     *
     * @param backUrl   where to post the exchange; null for this channel's own backTransReq.do
     * @param userAgent the payer's User-Agent, which names the wallet app the code belongs to
     */
    public PayerAuthOutcome exchangeUserAuthCode(ChannelInstance channel, String backUrl, String userAuthCode,
                                                 String userAgent) {
        UpCredentials credentials;
        try {
            credentials = UpCredentials.of(channel);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable UnionPay credentials: {}", channel.name(), e.getMessage());
            return new PayerAuthOutcome.Unavailable("CONFIG_ERROR", "channel credentials unusable");
        }
        return userAuth.appUserId(channel, credentials, backUrl != null ? backUrl
                : channel.apiBaseUrl() + UpRequests.BACK_TRANS, userAuthCode, userAgent, ZonedDateTime.now(clock));
    }

    /**
     * The QR order as UnionPay reports it: {@code Verified} with its status and amount, {@code Refused("ORDER_NOT_EXIST")}
     * when UnionPay has no such order (respCode 34), or {@code Refused} with why no trustworthy answer was had.
     */
    @Override
    public NotifyOutcome queryTrade(ChannelInstance channel, String outTradeNo) {
        try {
            return queryOrder(channel, UpCredentials.of(channel), outTradeNo);
        } catch (IllegalStateException e) {
            return new NotifyOutcome.Refused("CONFIG_ERROR");
        }
    }

    private NotifyOutcome queryOrder(ChannelInstance channel, UpCredentials credentials, String outTradeNo) {
        UpAnswer answer = exchange.call(channel, credentials, UpRequests.QUERY_TRANS,
                UpRequests.query(channel, credentials.merchantCertId(), outTradeNo));
        if (!(answer instanceof UpAnswer.Verified v)) {
            return new NotifyOutcome.Refused(failure(answer));
        }
        if ("34".equals(v.respCode())) {
            return new NotifyOutcome.Refused("ORDER_NOT_EXIST");
        }
        if (!"00".equals(v.respCode())) {
            return new NotifyOutcome.Refused(v.respCode());
        }
        return UpNotifications.payment(v.fields(), channel, ZonedDateTime.now(clock), "origRespCode")
                .orElseGet(() -> new NotifyOutcome.Refused("MALFORMED_RESPONSE"));
    }

    @Override
    public TradeStatus closeTrade(ChannelInstance channel, String outTradeNo) {
        UpCredentials credentials;
        try {
            credentials = UpCredentials.of(channel);
        } catch (IllegalStateException e) {
            return TradeStatus.UNKNOWN;
        }
        NotifyOutcome query = queryOrder(channel, credentials, outTradeNo);
        TradeStatus before = closeStatus(query);
        if (before != TradeStatus.NOT_PAID) {
            return before;
        }
        NotifyOutcome.Verified order = (NotifyOutcome.Verified) query;
        UpAnswer answer = exchange.call(channel, credentials, UpRequests.BACK_TRANS, UpRequests.cancel(channel,
                credentials.merchantCertId(), outTradeNo, order.channelTradeNo(), order.amount()));
        if (answer instanceof UpAnswer.Verified v && "00".equals(v.respCode())) {
            return TradeStatus.CLOSED;
        }
        // refused (paid meanwhile?) or no answer: only a fresh query can tell
        TradeStatus after = closeStatus(queryOrder(channel, credentials, outTradeNo));
        return after == TradeStatus.NOT_PAID ? TradeStatus.UNKNOWN : after;
    }

    /** PAID, CLOSED (closed, failed, or never existed), NOT_PAID (cancel it) or UNKNOWN (try again later). */
    private static TradeStatus closeStatus(NotifyOutcome query) {
        if (query instanceof NotifyOutcome.Refused refused) {
            return "ORDER_NOT_EXIST".equals(refused.reason()) ? TradeStatus.CLOSED : TradeStatus.UNKNOWN;
        }
        TradeStatus status = ((NotifyOutcome.Verified) query).status();
        switch (status) {
            case PAID, REFUNDED:
                return TradeStatus.PAID;
            case CLOSED, FAILED:
                return TradeStatus.CLOSED;
            case NOT_PAID, PAYING:
                return TradeStatus.NOT_PAID;
            default:
                return TradeStatus.UNKNOWN;
        }
    }

    @Override
    public RefundOutcome refund(ChannelInstance channel, RefundRequest request) {
        UpCredentials credentials;
        try {
            credentials = UpCredentials.of(channel);
        } catch (IllegalStateException e) {
            return new RefundOutcome.Failed("CONFIG_ERROR", "channel credentials unusable");
        }
        // A refund names the payment by its queryId, which only a query of the order gives.
        NotifyOutcome order = queryOrder(channel, credentials, request.outTradeNo());
        if (order instanceof NotifyOutcome.Refused refused) {
            return "ORDER_NOT_EXIST".equals(refused.reason())
                    ? new RefundOutcome.Failed("34", "UnionPay has no such order")
                    : new RefundOutcome.Unknown("ORIGINAL_QUERY_FAILED", refused.reason());
        }
        NotifyOutcome.Verified paid = (NotifyOutcome.Verified) order;
        if (paid.status() != TradeStatus.PAID || paid.channelTradeNo() == null) {
            return new RefundOutcome.Failed("ORDER_NOT_PAID", "order is " + paid.status());
        }
        UpAnswer answer = exchange.call(channel, credentials, UpRequests.BACK_TRANS,
                UpRequests.refund(channel, credentials.merchantCertId(), request, paid.channelTradeNo()));
        RefundOutcome outcome = refundOutcome(answer);
        log.info("unionpay refund channel={} out_trade_no={} out_refund_no={} outcome={}", channel.name(),
                request.outTradeNo(), request.outRefundNo(), outcome.getClass().getSimpleName());
        return outcome;
    }

    private static RefundOutcome refundOutcome(UpAnswer answer) {
        if (answer instanceof UpAnswer.NotSent notSent) {
            return new RefundOutcome.Failed("CONNECT_FAILED", notSent.detail()); // never left: nothing refunded
        }
        if (answer instanceof UpAnswer.NoAnswer none) {
            return new RefundOutcome.Unknown(none.code(), none.detail());
        }
        UpAnswer.Verified v = (UpAnswer.Verified) answer;
        switch (UpMapper.answer(v.respCode())) {
            case SUCCESS:
                return new RefundOutcome.Processing(v.get("queryId")); // the result comes by notification or query
            case REJECTED:
                return new RefundOutcome.Failed(v.respCode(), v.respMsg());
            default:
                return new RefundOutcome.Unknown(v.respCode(), v.respMsg()); // 12: this refund number exists: query it
        }
    }

    @Override
    public RefundOutcome queryRefund(ChannelInstance channel, String outTradeNo, String outRefundNo) {
        UpCredentials credentials;
        try {
            credentials = UpCredentials.of(channel);
        } catch (IllegalStateException e) {
            return new RefundOutcome.Unknown("CONFIG_ERROR", "channel credentials unusable");
        }
        UpAnswer answer = exchange.call(channel, credentials, UpRequests.QUERY_TRANS,
                UpRequests.query(channel, credentials.merchantCertId(), outRefundNo));
        if (!(answer instanceof UpAnswer.Verified v)) {
            return new RefundOutcome.Unknown(failure(answer), "no trustworthy answer");
        }
        if ("34".equals(v.respCode())) {
            // UnionPay stores a refund before it answers the refund call: none now means none was ever accepted
            return new RefundOutcome.Failed("34", "UnionPay has no such refund");
        }
        if (!"00".equals(v.respCode()) || !"04".equals(v.get("txnType"))) {
            return new RefundOutcome.Unknown(v.respCode(), v.respMsg());
        }
        String code = v.get("origRespCode");
        switch (UpMapper.answer(code)) {
            case SUCCESS: {
                long amount = UpMapper.fen(v.get("txnAmt"));
                return amount < 0 ? new RefundOutcome.Unknown("MALFORMED_RESPONSE", "txnAmt")
                        : new RefundOutcome.Succeeded(v.get("queryId"), amount,
                                UpMapper.traceTime(v.get("traceTime"), ZonedDateTime.now(clock)));
            }
            case UNKNOWN:
                return new RefundOutcome.Processing(v.get("queryId"));
            default:
                return new RefundOutcome.Failed(code, v.get("origRespMsg"));
        }
    }

    @Override
    public ChannelBill downloadBill(ChannelInstance channel, LocalDate day) {
        UpCredentials credentials = UpCredentials.of(channel);
        UpAnswer answer = exchange.call(channel, credentials, UpRequests.FILE_TRANS,
                UpRequests.bill(channel, credentials.merchantCertId(), day, ZonedDateTime.now(clock)));
        if (!(answer instanceof UpAnswer.Verified v)) {
            throw new IllegalStateException("UnionPay bill of " + day + " for " + channel.name() + " not had: "
                    + failure(answer));
        }
        if ("98".equals(v.respCode())) {
            return new ChannelBill(channel.name(), day, java.util.List.of()); // no file: nothing moved that day
        }
        if (!"00".equals(v.respCode()) || v.get("fileContent") == null) {
            throw new IllegalStateException("UnionPay bill of " + day + " for " + channel.name() + " refused: "
                    + v.respCode() + " " + v.respMsg());
        }
        return UpBillParser.parse(channel.name(), channel.accountId(), day, v.get("fileContent"));
    }

    @Override
    public NotifyOutcome verifyPaymentNotification(ChannelInstance channel, ChannelNotification notification) {
        Map<String, String> fields = verifiedForm(channel, notification);
        if (fields == null) {
            return refused(channel, "NOTIFY_SIGNATURE_INVALID", "form or signature invalid");
        }
        if (!"01".equals(fields.get("txnType"))) {
            return refused(channel, "NOTIFY_CONTENT_INVALID", "not a payment (txnType " + fields.get("txnType") + ")");
        }
        return UpNotifications.payment(fields, channel, ZonedDateTime.now(clock), "respCode")
                .orElseGet(() -> refused(channel, "NOTIFY_CONTENT_INVALID",
                        "notification does not fit this channel (merId, orderId, amount or currency)"));
    }

    @Override
    public RefundNotifyOutcome verifyRefundNotification(ChannelInstance channel, ChannelNotification notification) {
        Map<String, String> fields = verifiedForm(channel, notification);
        if (fields == null) {
            refused(channel, "NOTIFY_SIGNATURE_INVALID", "form or signature invalid");
            return new RefundNotifyOutcome.Refused("form or signature invalid");
        }
        return UpNotifications.refund(fields, channel, ZonedDateTime.now(clock))
                .orElseGet(() -> {
                    refused(channel, "NOTIFY_CONTENT_INVALID", "refund notification does not fit this channel");
                    return new RefundNotifyOutcome.Refused("refund notification does not fit this channel");
                });
    }

    /** The form fields once certId and signature verified; null otherwise. Nothing is read before that. */
    private static Map<String, String> verifiedForm(ChannelInstance channel, ChannelNotification notification) {
        try {
            Map<String, String> fields = UpForm.decode(new String(notification.body(), StandardCharsets.UTF_8));
            UpCredentials credentials = UpCredentials.of(channel);
            return UpSignature.verify(credentials.unionpayKey(), credentials.unionpayCertId(), fields) ? fields : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static NotifyOutcome refused(ChannelInstance channel, String event, String reason) {
        security.warn("event={} channel={} reason=\"{}\"", event, channel.name(), reason);
        return new NotifyOutcome.Refused(reason);
    }

    private static String failure(UpAnswer answer) {
        if (answer instanceof UpAnswer.NotSent notSent) {
            return "CONNECT_FAILED: " + notSent.detail();
        }
        if (answer instanceof UpAnswer.NoAnswer none) {
            return none.code();
        }
        return ((UpAnswer.Verified) answer).respCode();
    }

    /** UnionPay stops retrying on HTTP 200; the body is for people reading logs. */
    @Override
    public ResponseEntity<String> acknowledge() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("ok");
    }

    /** Anything but 200 makes UnionPay send the notification again. */
    @Override
    public ResponseEntity<String> refuse(String reason) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("fail");
    }
}
