package com.aggpay.router.channel.wxpay.v2;

import com.aggpay.router.channel.ChannelInstance;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed v2 call: adds appid, mch_id, nonce_str, sign_type and sign, POSTs the XML, then parses the answer with
 * the hardened parser and verifies its sign and account before anyone reads a field of it.
 */
final class WxV2Client {

    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final WxV2Http http;

    WxV2Client(Duration connectTimeout, Duration readTimeout) {
        this.http = new WxV2Http(connectTimeout, readTimeout);
    }

    WxV2Reply call(ChannelInstance channel, WxV2Credentials credentials, String path, Map<String, String> business) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", credentials.appid());
        fields.put("mch_id", channel.accountId());
        fields.put("nonce_str", nonce());
        fields.put("sign_type", credentials.signType());
        fields.putAll(business);
        fields.put("sign", WxV2Signer.sign(fields, credentials.apiKey(), credentials.signType()));
        return http.post(base(channel) + path, WxV2Xml.write(fields), answer -> read(channel, credentials, answer));
    }

    private static WxV2Reply read(ChannelInstance channel, WxV2Credentials credentials, WxV2Http.Answer answer) {
        if (answer.status() != 200) {
            return new WxV2Reply.Lost("HTTP_" + answer.status(), "HTTP " + answer.status());
        }
        String text = answer.text().strip();
        if (!text.startsWith("<")) {
            return new WxV2Reply.Text(answer.text());
        }
        Optional<Map<String, String>> parsed = WxV2Xml.parse(answer.body());
        if (parsed.isEmpty()) {
            return new WxV2Reply.Lost("MALFORMED_RESPONSE", "answer is not v2 XML");
        }
        Map<String, String> fields = parsed.get();
        if (!"SUCCESS".equals(fields.get("return_code"))) {
            return gatewayRefused(fields);
        }
        if (!WxV2Signer.verify(fields, credentials.apiKey(), credentials.signType())) {
            // possibly forged or altered: whatever it says, its pay data cannot be handed out
            security.warn("event=CHANNEL_RESPONSE_SIGNATURE_INVALID channel={}", channel.name());
            return new WxV2Reply.Lost("RESPONSE_SIGNATURE_INVALID", "response signature did not verify");
        }
        if (!channel.accountId().equals(fields.get("mch_id")) || !credentials.appid().equals(fields.get("appid"))) {
            security.warn("event=CHANNEL_RESPONSE_ACCOUNT_MISMATCH channel={}", channel.name());
            return new WxV2Reply.Lost("RESPONSE_ACCOUNT_MISMATCH", "answer is for another merchant");
        }
        return new WxV2Reply.Signed(fields);
    }

    /**
     * return_code FAIL carries only a message. "签名错误" is WeChat's bad-sign answer; a system error stays a lost
     * answer (CHANNELS.md: unknown); anything else is WeChat's gateway refusing the request before any business step.
     */
    private static WxV2Reply gatewayRefused(Map<String, String> fields) {
        String message = fields.getOrDefault("return_msg", "");
        String upper = message.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("SYSTEMERROR") || message.contains("系统")) {
            return new WxV2Reply.Lost("SYSTEMERROR", message);
        }
        String code = message.contains("签名") || upper.contains("SIGN") ? "SIGNERROR" : "RETURN_FAIL";
        return new WxV2Reply.GatewayRefused(code, message);
    }

    private static String base(ChannelInstance channel) {
        String base = channel.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String nonce() {
        char[] nonce = new char[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = ALNUM[RANDOM.nextInt(ALNUM.length)];
        }
        return new String(nonce);
    }
}
