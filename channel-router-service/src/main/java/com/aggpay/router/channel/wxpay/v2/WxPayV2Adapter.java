package com.aggpay.router.channel.wxpay.v2;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelBill;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay API v2 (XML, MD5 / HMAC-SHA256 with the API key), hand-written: the only official Java SDK
 * ({@code com.github.wxpay:wxpay-sdk}) still has the XXE of CVE-2018-13439. Real WeChat wants a client certificate
 * for {@code /secapi/pay/refund}; that is a TLS setting of the production HTTP client, not part of this protocol
 * code, and the simulator takes refunds over plain HTTP.
 */
@Component
public class WxPayV2Adapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WxPayV2Adapter.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<PayWay> PAY_WAYS = Set.of(PayWay.WX_NATIVE, PayWay.WX_JSAPI, PayWay.WX_H5, PayWay.WX_APP);
    private static final String SUCCESS_XML = "<xml><return_code><![CDATA[SUCCESS]]></return_code>"
            + "<return_msg><![CDATA[OK]]></return_msg></xml>";

    private final WxV2Client client;

    public WxPayV2Adapter(@Value("${aggpay.channel.wxpay-v2.connect-timeout:1s}") Duration connectTimeout,
                          @Value("${aggpay.channel.wxpay-v2.read-timeout:5s}") Duration readTimeout) {
        this.client = new WxV2Client(connectTimeout, readTimeout);
    }

    @Override
    public ChannelType type() {
        return ChannelType.WXPAY_V2;
    }

    @Override
    public Set<PayWay> payWays() {
        return PAY_WAYS;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public TradeOutcome createTrade(ChannelInstance channel, TradeRequest request) {
        if (!PAY_WAYS.contains(request.payWay())) {
            return new TradeOutcome.Rejected("PAY_WAY_UNSUPPORTED", request.payWay() + " is not a WeChat Pay v2 pay way");
        }
        String openid = request.channelExtra() == null ? null : request.channelExtra().get("openid");
        if (request.payWay() == PayWay.WX_JSAPI && (openid == null || openid.isBlank())) {
            return new TradeOutcome.Rejected("PARAM_ERROR", "WX_JSAPI needs channel_extra.openid");
        }
        if (!"CNY".equals(request.currency())) {
            return new TradeOutcome.Rejected("PARAM_ERROR", "WeChat Pay v2 takes CNY only");
        }
        WxV2Credentials credentials = credentials(channel);
        if (credentials == null) {
            return new TradeOutcome.Rejected("CONFIG_ERROR", "channel credentials unusable");
        }
        WxV2Reply reply = client.call(channel, credentials, "/pay/unifiedorder",
                WxV2Mapper.unifiedOrder(request, channel.notifyUrl()));
        TradeOutcome outcome = created(channel, credentials, request, reply);
        // debug: PlaceTrade logs every attempt with its outcome and latency at info
        log.debug("wxpay-v2 create channel={} out_trade_no={} pay_way={} outcome={}", channel.name(),
                request.outTradeNo(), request.payWay(), outcome.getClass().getSimpleName());
        return outcome;
    }

    private TradeOutcome created(ChannelInstance channel, WxV2Credentials c, TradeRequest request, WxV2Reply reply) {
        if (reply instanceof WxV2Reply.Signed signed) {
            if (!signed.succeeded()) {
                return WxV2Mapper.createFailure(signed.errCode(), signed.get("err_code_des"));
            }
            return payData(channel, c, request.payWay(), signed);
        }
        if (reply instanceof WxV2Reply.GatewayRefused refused) {
            return new TradeOutcome.Rejected(refused.code(), refused.message());
        }
        if (reply instanceof WxV2Reply.NotSent notSent) {
            return new TradeOutcome.Rejected("CONNECT_FAILED", notSent.detail());
        }
        if (reply instanceof WxV2Reply.Lost lost) {
            return new TradeOutcome.Unknown(lost.code(), lost.detail());
        }
        return new TradeOutcome.Unknown("MALFORMED_RESPONSE", "answer is not v2 XML");
    }

    private static TradeOutcome payData(ChannelInstance channel, WxV2Credentials c, PayWay payWay,
                                        WxV2Reply.Signed signed) {
        String prepayId = signed.get("prepay_id");
        String nonce = WxV2Client.nonce();
        long now = Instant.now().getEpochSecond();
        String payData;
        PayDataType type;
        switch (payWay) {
            case WX_NATIVE -> {
                type = PayDataType.CODE_URL;
                payData = signed.get("code_url");
            }
            case WX_H5 -> {
                type = PayDataType.PAY_URL;
                payData = signed.get("mweb_url");
            }
            case WX_JSAPI -> {
                type = PayDataType.JSAPI_PARAMS;
                payData = blank(prepayId) ? null : JSON.writeValueAsString(WxV2Mapper.jsapiParams(c, prepayId, now, nonce));
            }
            default -> {
                type = PayDataType.APP_PARAMS;
                payData = blank(prepayId) ? null
                        : JSON.writeValueAsString(WxV2Mapper.appParams(c, channel.accountId(), prepayId, now, nonce));
            }
        }
        return blank(payData) ? new TradeOutcome.Unknown("MALFORMED_RESPONSE", "answer lacks the pay data")
                : new TradeOutcome.Accepted(type, payData);
    }

    /** The trade as WeChat reports it (signed answer), or Refused with ORDER_NOT_EXIST or why no answer was had. */
    @Override
    public NotifyOutcome queryTrade(ChannelInstance channel, String outTradeNo) {
        WxV2Credentials c = credentials(channel);
        if (c == null) {
            return new NotifyOutcome.Refused("CONFIG_ERROR");
        }
        WxV2Reply reply = client.call(channel, c, "/pay/orderquery", Map.of("out_trade_no", outTradeNo));
        if (!(reply instanceof WxV2Reply.Signed signed)) {
            return new NotifyOutcome.Refused(failureCode(reply));
        }
        if (!signed.succeeded()) {
            return new NotifyOutcome.Refused("ORDERNOTEXIST".equals(signed.errCode()) ? "ORDER_NOT_EXIST"
                    : signed.errCode());
        }
        Long amount = WxV2Mapper.fen(signed.get("total_fee"));
        if (!outTradeNo.equals(signed.get("out_trade_no")) || amount == null) {
            return new NotifyOutcome.Refused("MALFORMED_RESPONSE");
        }
        String currency = blank(signed.get("fee_type")) ? "CNY" : signed.get("fee_type");
        return new NotifyOutcome.Verified(outTradeNo, signed.get("transaction_id"), signed.get("mch_id"), amount,
                currency, WxV2Mapper.status(signed.get("trade_state")), WxV2Mapper.wxTime(signed.get("time_end")));
    }

    @Override
    public TradeStatus closeTrade(ChannelInstance channel, String outTradeNo) {
        WxV2Credentials c = credentials(channel);
        if (c == null) {
            return TradeStatus.UNKNOWN;
        }
        WxV2Reply reply = client.call(channel, c, "/pay/closeorder", Map.of("out_trade_no", outTradeNo));
        if (!(reply instanceof WxV2Reply.Signed signed)) {
            return TradeStatus.UNKNOWN;
        }
        if (signed.succeeded()) {
            return TradeStatus.CLOSED;
        }
        return switch (signed.errCode()) {
            case "ORDERPAID" -> TradeStatus.PAID;
            case "ORDERCLOSED", "ORDERNOTEXIST" -> TradeStatus.CLOSED;
            default -> TradeStatus.UNKNOWN;
        };
    }

    /** Accepted refunds settle later: the answer is Processing; the notification or a query gives the result. */
    @Override
    public RefundOutcome refund(ChannelInstance channel, RefundRequest request) {
        WxV2Credentials c = credentials(channel);
        if (c == null) {
            return new RefundOutcome.Failed("CONFIG_ERROR", "channel credentials unusable");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("out_trade_no", request.outTradeNo());
        fields.put("out_refund_no", request.outRefundNo());
        fields.put("total_fee", Long.toString(request.totalAmount()));
        fields.put("refund_fee", Long.toString(request.refundAmount()));
        fields.put("refund_fee_type", request.currency());
        if (!blank(request.reason())) {
            fields.put("refund_desc", request.reason().length() > 80 ? request.reason().substring(0, 80)
                    : request.reason());
        }
        fields.put("notify_url", channel.notifyUrl() + "/refund");
        WxV2Reply reply = client.call(channel, c, "/secapi/pay/refund", fields);
        RefundOutcome outcome = refunded(request, reply);
        log.info("wxpay-v2 refund channel={} out_trade_no={} out_refund_no={} outcome={}", channel.name(),
                request.outTradeNo(), request.outRefundNo(), outcome.getClass().getSimpleName());
        return outcome;
    }

    private static RefundOutcome refunded(RefundRequest request, WxV2Reply reply) {
        if (reply instanceof WxV2Reply.Signed signed) {
            if (!signed.succeeded()) {
                return WxV2Mapper.refundFailure(signed.errCode(), signed.get("err_code_des"));
            }
            if (!request.outRefundNo().equals(signed.get("out_refund_no"))
                    || !Long.toString(request.refundAmount()).equals(signed.get("refund_fee"))) {
                return new RefundOutcome.Unknown("MALFORMED_RESPONSE", "answer is for another refund");
            }
            return new RefundOutcome.Processing(signed.get("refund_id"));
        }
        if (reply instanceof WxV2Reply.GatewayRefused refused) {
            return new RefundOutcome.Failed(refused.code(), refused.message());
        }
        if (reply instanceof WxV2Reply.NotSent notSent) {
            return new RefundOutcome.Failed("CONNECT_FAILED", notSent.detail());
        }
        return new RefundOutcome.Unknown(failureCode(reply), "no trustworthy answer");
    }

    @Override
    public RefundOutcome queryRefund(ChannelInstance channel, String outTradeNo, String outRefundNo) {
        WxV2Credentials c = credentials(channel);
        if (c == null) {
            return new RefundOutcome.Unknown("CONFIG_ERROR", "channel credentials unusable");
        }
        WxV2Reply reply = client.call(channel, c, "/pay/refundquery", Map.of("out_refund_no", outRefundNo));
        if (!(reply instanceof WxV2Reply.Signed signed)) {
            return new RefundOutcome.Unknown(failureCode(reply), "no trustworthy answer");
        }
        if (!signed.succeeded()) {
            return "REFUNDNOTEXIST".equals(signed.errCode())
                    ? new RefundOutcome.Failed("REFUNDNOTEXIST", "no such refund upstream")
                    : new RefundOutcome.Unknown(signed.errCode(), signed.get("err_code_des"));
        }
        for (int n = 0; signed.get("out_refund_no_" + n) != null; n++) {
            if (outRefundNo.equals(signed.get("out_refund_no_" + n)) && outTradeNo.equals(signed.get("out_trade_no"))) {
                Long amount = WxV2Mapper.fen(signed.get("refund_fee_" + n));
                return WxV2Mapper.refundStatus(signed.get("refund_status_" + n), signed.get("refund_id_" + n),
                        amount == null ? 0 : amount, WxV2Mapper.wxSeconds(signed.get("refund_success_time_" + n)));
            }
        }
        return new RefundOutcome.Unknown("MALFORMED_RESPONSE", "answer lacks this refund");
    }

    @Override
    public RefundNotifyOutcome verifyRefundNotification(ChannelInstance channel, ChannelNotification notification) {
        WxV2Credentials c = credentials(channel);
        RefundNotifyOutcome outcome = c == null ? new RefundNotifyOutcome.Refused("CONFIG_ERROR")
                : WxV2Notifications.refund(channel, c, notification.body());
        if (outcome instanceof RefundNotifyOutcome.Refused refused) {
            security.warn("event=REFUND_NOTIFY_REFUSED channel={} reason={}", channel.name(), refused.reason());
        }
        return outcome;
    }

    /**
     * The day's bill ({@code bill_type=ALL}). A day without trades is an empty bill (WeChat: "No Bill Exist");
     * any other failure throws, as a bill has no "unknown" value and reconciling a missing bill would be wrong.
     * The bill text is not signed by WeChat v2: its integrity rests on TLS.
     */
    @Override
    public ChannelBill downloadBill(ChannelInstance channel, LocalDate day) {
        WxV2Credentials c = credentials(channel);
        if (c == null) {
            throw new IllegalStateException("channel " + channel.name() + " has unusable credentials");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bill_date", day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        fields.put("bill_type", "ALL");
        WxV2Reply reply = client.call(channel, c, "/pay/downloadbill", fields);
        if (reply instanceof WxV2Reply.Text text) {
            return WxV2BillParser.parse(channel.name(), day, text.body());
        }
        if (reply instanceof WxV2Reply.GatewayRefused refused && refused.message().contains("No Bill Exist")) {
            return new ChannelBill(channel.name(), day, java.util.List.of());
        }
        throw new IllegalStateException("wxpay-v2 bill of " + day + " for " + channel.name() + " unavailable: "
                + failureCode(reply));
    }

    @Override
    public NotifyOutcome verifyPaymentNotification(ChannelInstance channel, ChannelNotification notification) {
        WxV2Credentials c = credentials(channel);
        NotifyOutcome outcome = c == null ? new NotifyOutcome.Refused("CONFIG_ERROR")
                : WxV2Notifications.payment(channel, c, notification.body());
        if (outcome instanceof NotifyOutcome.Refused refused) {
            security.warn("event=NOTIFY_REFUSED channel={} reason={}", channel.name(), refused.reason());
        }
        return outcome;
    }

    @Override
    public ResponseEntity<String> acknowledge() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(SUCCESS_XML);
    }

    /** WeChat v2 retries a notification until it reads return_code SUCCESS; FAIL asks for it again. */
    @Override
    public ResponseEntity<String> refuse(String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "FAIL");
        fields.put("return_msg", reason == null ? "refused" : reason);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_XML).body(WxV2Xml.write(fields));
    }

    /** Null when the channel's credentials are unusable (logged without any secret). */
    private static WxV2Credentials credentials(ChannelInstance channel) {
        try {
            return WxV2Credentials.of(channel);
        } catch (RuntimeException e) {
            log.error("channel {} has unusable WeChat Pay v2 credentials: {}", channel.name(), e.getMessage());
            return null;
        }
    }

    private static String failureCode(WxV2Reply reply) {
        if (reply instanceof WxV2Reply.Signed signed) {
            return signed.errCode();
        }
        if (reply instanceof WxV2Reply.GatewayRefused refused) {
            return refused.code();
        }
        if (reply instanceof WxV2Reply.NotSent) {
            return "CONNECT_FAILED";
        }
        if (reply instanceof WxV2Reply.Lost lost) {
            return lost.code();
        }
        return "MALFORMED_RESPONSE";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
