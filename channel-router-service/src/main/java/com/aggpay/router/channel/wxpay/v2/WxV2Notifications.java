package com.aggpay.router.channel.wxpay.v2;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.TradeStatus;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads v2 notifications. Nothing in a payment notification is believed before its sign verifies with the
 * channel's own sign_type (a notification cannot pick a weaker one); a refund notification is unsigned upstream and
 * trusted because its req_info decrypts with a key derived from the API key. The reasons returned name the check
 * that failed, never content of the body.
 */
final class WxV2Notifications {

    private WxV2Notifications() {
    }

    /** A payment result, or why it was refused. */
    static NotifyOutcome payment(ChannelInstance channel, WxV2Credentials c, byte[] body) {
        Optional<Map<String, String>> parsed = WxV2Xml.parse(body);
        if (parsed.isEmpty()) {
            return new NotifyOutcome.Refused("NOTIFY_MALFORMED");
        }
        Map<String, String> f = parsed.get();
        if (!"SUCCESS".equals(f.get("return_code"))) {
            return new NotifyOutcome.Refused("NOTIFY_RETURN_FAIL");
        }
        String signType = f.get("sign_type");
        if (signType != null && !signType.isEmpty() && !signType.equals(c.signType())) {
            return new NotifyOutcome.Refused("NOTIFY_SIGN_TYPE_UNEXPECTED");
        }
        if (!WxV2Signer.verify(f, c.apiKey(), c.signType())) {
            return new NotifyOutcome.Refused("NOTIFY_SIGNATURE_INVALID");
        }
        if (!channel.accountId().equals(f.get("mch_id")) || !c.appid().equals(f.get("appid"))) {
            return new NotifyOutcome.Refused("NOTIFY_ACCOUNT_MISMATCH");
        }
        Long amount = WxV2Mapper.fen(f.get("total_fee"));
        String currency = f.get("fee_type") == null || f.get("fee_type").isBlank() ? "CNY" : f.get("fee_type");
        String outTradeNo = f.get("out_trade_no");
        if (amount == null || outTradeNo == null || outTradeNo.isBlank()) {
            return new NotifyOutcome.Refused("NOTIFY_CONTENT_INVALID");
        }
        // A payment notification has no trade_state: its result_code is the payment's result.
        TradeStatus status = WxV2Mapper.status("SUCCESS".equals(f.get("result_code")) ? "SUCCESS" : "PAYERROR");
        OffsetDateTime paidAt = WxV2Mapper.wxTime(f.get("time_end"));
        if (status == TradeStatus.PAID && (paidAt == null || f.get("transaction_id") == null)) {
            return new NotifyOutcome.Refused("NOTIFY_CONTENT_INVALID");
        }
        return new NotifyOutcome.Verified(outTradeNo, f.get("transaction_id"), f.get("mch_id"), amount, currency,
                status, paidAt);
    }

    /** A refund result: the outer fields name the merchant, the encrypted req_info carries the refund. */
    static RefundNotifyOutcome refund(ChannelInstance channel, WxV2Credentials c, byte[] body) {
        Optional<Map<String, String>> outer = WxV2Xml.parse(body);
        if (outer.isEmpty()) {
            return new RefundNotifyOutcome.Refused("NOTIFY_MALFORMED");
        }
        Map<String, String> f = outer.get();
        if (!"SUCCESS".equals(f.get("return_code")) || f.get("req_info") == null) {
            return new RefundNotifyOutcome.Refused("NOTIFY_RETURN_FAIL");
        }
        if (!channel.accountId().equals(f.get("mch_id")) || !c.appid().equals(f.get("appid"))) {
            return new RefundNotifyOutcome.Refused("NOTIFY_ACCOUNT_MISMATCH");
        }
        Optional<Map<String, String>> info = decrypt(c.apiKey(), f.get("req_info")).flatMap(WxV2Xml::parse);
        if (info.isEmpty()) {
            return new RefundNotifyOutcome.Refused("NOTIFY_DECRYPTION_FAILED");
        }
        Map<String, String> r = info.get();
        Long amount = WxV2Mapper.fen(r.get("refund_fee"));
        String status = r.get("refund_status");
        if (amount == null || r.get("out_trade_no") == null || r.get("out_refund_no") == null || status == null) {
            return new RefundNotifyOutcome.Refused("NOTIFY_CONTENT_INVALID");
        }
        boolean succeeded;
        switch (status) {
            case "SUCCESS" -> succeeded = true;
            case "CHANGE", "REFUNDCLOSE" -> succeeded = false;
            default -> {
                return new RefundNotifyOutcome.Refused("NOTIFY_REFUND_STATUS_UNKNOWN");
            }
        }
        return new RefundNotifyOutcome.Verified(r.get("out_trade_no"), r.get("out_refund_no"), r.get("refund_id"),
                f.get("mch_id"), amount, succeeded, WxV2Mapper.wxSeconds(r.get("success_time")));
    }

    /** AES-256-ECB, PKCS#7 (Java's PKCS5Padding on 16-byte blocks), key = lower-case hex MD5 of the API key. */
    static Optional<byte[]> decrypt(String apiKey, String reqInfo) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            byte[] key = HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII);
            Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            return Optional.of(cipher.doFinal(Base64.getDecoder().decode(reqInfo.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
