package com.aggpay.router.channel.wxpay.v2;

import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pure functions between our records and v2 fields: requests, trade and refund states, error classes, times. */
final class WxV2Mapper {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WX_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final DateTimeFormatter WX_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_BODY_BYTES = 128;

    private WxV2Mapper() {
    }

    /** The one place a v2 trade_state becomes ours; a state this code does not know is UNKNOWN, never PAID. */
    static TradeStatus status(String tradeState) {
        if (tradeState == null) {
            return TradeStatus.UNKNOWN;
        }
        return switch (tradeState) {
            case "SUCCESS" -> TradeStatus.PAID;
            case "REFUND" -> TradeStatus.REFUNDED;
            case "NOTPAY" -> TradeStatus.NOT_PAID;
            case "CLOSED", "REVOKED" -> TradeStatus.CLOSED;
            case "USERPAYING" -> TradeStatus.PAYING;
            case "PAYERROR" -> TradeStatus.FAILED;
            default -> TradeStatus.UNKNOWN;
        };
    }

    /**
     * CHANNELS.md "Outcome classes" for a signed unifiedorder answer with result_code FAIL. Only codes known to be
     * definite are rejections: a wrong "unknown" costs one background close, a wrong "rejected" can hand out two
     * payable trades. OUT_TRADE_NO_USED means a trade with other parameters exists under this number: unknown.
     */
    static TradeOutcome createFailure(String errCode, String message) {
        return switch (errCode) {
            case "ORDERPAID" -> new TradeOutcome.Paid(errCode);
            case "PARAM_ERROR", "LACK_PARAMS", "INVALID_REQUEST", "SIGNERROR", "NOAUTH", "APPID_NOT_EXIST",
                 "MCHID_NOT_EXIST", "APPID_MCHID_NOT_MATCH", "ORDERCLOSED", "XML_FORMAT_ERROR", "REQUIRE_POST_METHOD",
                 "POST_DATA_EMPTY", "NOT_UTF8" -> new TradeOutcome.Rejected(errCode, message);
            default -> new TradeOutcome.Unknown(errCode, message);
        };
    }

    /** A signed refund answer with result_code FAIL: definite failures, else unknown (query with the same number). */
    static RefundOutcome refundFailure(String errCode, String message) {
        return switch (errCode) {
            case "NOTENOUGH", "ORDERNOTEXIST", "TRADE_STATE_ERROR", "TRADE_OVERDUE", "ERROR", "USER_ACCOUNT_ABNORMAL",
                 "INVALID_TRANSACTIONID", "PARAM_ERROR", "INVALID_REQUEST", "APPID_NOT_EXIST", "MCHID_NOT_EXIST",
                 "APPID_MCHID_NOT_MATCH", "SIGNERROR", "NOAUTH", "XML_FORMAT_ERROR", "CERT_ERROR" ->
                    new RefundOutcome.Failed(errCode, message);
            default -> new RefundOutcome.Unknown(errCode, message);
        };
    }

    /** A refund_status of refundquery (or of a refund notification): SUCCESS, PROCESSING, REFUNDCLOSE, CHANGE. */
    static RefundOutcome refundStatus(String status, String refundId, long amount, OffsetDateTime at) {
        if (status == null) {
            return new RefundOutcome.Unknown("REFUND_STATUS_MISSING", "no refund_status");
        }
        return switch (status) {
            case "SUCCESS" -> new RefundOutcome.Succeeded(refundId, amount, at);
            case "PROCESSING" -> new RefundOutcome.Processing(refundId);
            case "REFUNDCLOSE" -> new RefundOutcome.Failed(status, "refund closed");
            case "CHANGE" -> new RefundOutcome.Failed(status, "refund could not be paid back; needs manual handling");
            default -> new RefundOutcome.Unknown(status, "unknown refund_status");
        };
    }

    static String tradeType(PayWay payWay) {
        return switch (payWay) {
            case WX_NATIVE -> "NATIVE";
            case WX_JSAPI -> "JSAPI";
            case WX_H5 -> "MWEB";
            case WX_APP -> "APP";
            default -> throw new IllegalArgumentException(payWay + " is not a WeChat Pay v2 pay way");
        };
    }

    /** The business fields of /pay/unifiedorder (the client adds appid, mch_id, nonce_str, sign_type, sign). */
    static Map<String, String> unifiedOrder(TradeRequest request, String notifyUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("body", body(request.subject()));
        f.put("out_trade_no", request.outTradeNo());
        f.put("fee_type", request.currency());
        f.put("total_fee", Long.toString(request.amount()));
        f.put("spbill_create_ip", request.clientIp() == null || request.clientIp().isBlank() ? "127.0.0.1"
                : request.clientIp());
        if (request.expiresAt() != null) {
            f.put("time_expire", request.expiresAt().atZoneSameInstant(CHINA).format(WX_TIME));
        }
        f.put("notify_url", notifyUrl);
        f.put("trade_type", tradeType(request.payWay()));
        switch (request.payWay()) {
            case WX_NATIVE -> f.put("product_id", request.outTradeNo());
            case WX_JSAPI -> f.put("openid", extra(request, "openid"));
            case WX_H5 -> f.put("scene_info", "{\"h5_info\":{\"type\":\"Wap\",\"wap_url\":\""
                    + jsonText(extra(request, "wap_url")) + "\",\"wap_name\":\"" + jsonText(extra(request, "wap_name"))
                    + "\"}}");
            default -> {
            }
        }
        return f;
    }

    /** The subject cut to WeChat's 128 bytes of UTF-8, never inside a character. */
    static String body(String subject) {
        String s = subject == null ? "" : subject;
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BODY_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The signed parameters of WeixinJSBridge getBrandWCPayRequest for this prepay. */
    static Map<String, String> jsapiParams(WxV2Credentials c, String prepayId, long epochSecond, String nonce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("appId", c.appid());
        p.put("timeStamp", Long.toString(epochSecond));
        p.put("nonceStr", nonce);
        p.put("package", "prepay_id=" + prepayId);
        p.put("signType", c.signType());
        p.put("paySign", WxV2Signer.sign(p, c.apiKey(), c.signType()));
        return p;
    }

    /** The signed parameters the WeChat APP SDK (PayReq) needs for this prepay. */
    static Map<String, String> appParams(WxV2Credentials c, String mchId, String prepayId, long epochSecond,
                                         String nonce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("appid", c.appid());
        p.put("partnerid", mchId);
        p.put("prepayid", prepayId);
        p.put("package", "Sign=WXPay");
        p.put("noncestr", nonce);
        p.put("timestamp", Long.toString(epochSecond));
        p.put("sign", WxV2Signer.sign(p, c.apiKey(), c.signType()));
        return p;
    }

    /** {@code yyyyMMddHHmmss} in China time; null when absent or malformed. */
    static OffsetDateTime wxTime(String text) {
        return parse(text, WX_TIME);
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in China time (refunds, bills); null when absent or malformed. */
    static OffsetDateTime wxSeconds(String text) {
        return parse(text, WX_SECONDS);
    }

    /** A v2 fen amount: a positive integer, else null. */
    static Long fen(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,15}")) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static OffsetDateTime parse(String text, DateTimeFormatter format) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, format).atZone(CHINA).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String extra(TradeRequest request, String key) {
        String value = request.channelExtra() == null ? null : request.channelExtra().get(key);
        return value == null ? "" : value;
    }

    private static String jsonText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
