package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.NotifyOutcome;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Verifies trade_status_sync form notifications: signature first, then that the content fits this channel. */
final class AliNotifications {

    private AliNotifications() {
    }

    /** The form parameters, decoded as UTF-8; a repeated name is malformed (it could smuggle a second value). */
    static Map<String, String> parseForm(byte[] body) {
        Map<String, String> params = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (params.put(name, value) != null) {
                throw new IllegalArgumentException("parameter " + name + " repeated");
            }
        }
        return params;
    }

    /** Verified, or Refused with the reason. */
    static NotifyOutcome verify(ChannelInstance channel, String alipayPublicKey, byte[] body) {
        Map<String, String> params;
        try {
            params = verifiedParams(channel, alipayPublicKey, body);
        } catch (IllegalArgumentException e) {
            return new NotifyOutcome.Refused(e.getMessage());
        }
        String outTradeNo = params.get("out_trade_no");
        Long amount = AliMapper.fen(params.get("total_amount"));
        if (outTradeNo == null || outTradeNo.isBlank() || amount == null) {
            return new NotifyOutcome.Refused("out_trade_no or total_amount missing or malformed");
        }
        OffsetDateTime paidAt;
        try {
            paidAt = AliMapper.parseTime(params.get("gmt_payment"));
        } catch (DateTimeParseException e) {
            return new NotifyOutcome.Refused("gmt_payment malformed");
        }
        String currency = params.getOrDefault("trans_currency", "CNY");
        return new NotifyOutcome.Verified(outTradeNo, params.get("trade_no"), params.get("app_id"), amount,
                currency.isBlank() ? "CNY" : currency, AliMapper.status(params.get("trade_status")), paidAt);
    }

    /**
     * The form parameters once their signature verified (rsaCheckV1: {@code sign} and {@code sign_type} left out)
     * and their app_id is this channel's; else IllegalArgumentException with the reason. Payments and refunds alike.
     */
    static Map<String, String> verifiedParams(ChannelInstance channel, String alipayPublicKey, byte[] body) {
        Map<String, String> params;
        try {
            params = parseForm(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed form body");
        }
        boolean verified;
        try {
            verified = AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPublicKey, "utf-8", "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            throw new IllegalArgumentException("signature check failed: " + e.getClass().getSimpleName());
        }
        if (!verified) {
            throw new IllegalArgumentException("signature did not verify");
        }
        if (!channel.accountId().equals(params.get("app_id"))) {
            throw new IllegalArgumentException("app_id " + params.get("app_id") + " is not this channel's");
        }
        return params;
    }
}
