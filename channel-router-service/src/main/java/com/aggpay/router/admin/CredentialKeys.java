package com.aggpay.router.admin;

import com.aggpay.router.channel.ChannelType;
import java.util.Set;

/** The credential keys each channel type's adapter reads (docs/internals.md, "Channel credentials"). */
final class CredentialKeys {

    private CredentialKeys() {
    }

    static Set<String> of(ChannelType type) {
        return switch (type) {
            case WXPAY_V3 -> Set.of("appid", "merchant_private_key", "merchant_serial_no", "wechatpay_public_key_id",
                    "wechatpay_public_key", "api_v3_key");
            case WXPAY_V2 -> Set.of("appid", "api_key", "sign_type");
            case ALIPAY -> Set.of("app_private_key", "alipay_public_key");
            case UNIONPAY -> Set.of("merchant_private_key", "merchant_cert_id", "unionpay_public_key", "unionpay_cert_id");
        };
    }

    /**
     * Keys a channel may carry without needing them to take payments: a WeChat channel's {@code oauth_app_secret}
     * (the official account's AppSecret) lets the cashier learn payers' openids through it (payer authorisation).
     */
    static Set<String> optional(ChannelType type) {
        return switch (type) {
            case WXPAY_V3, WXPAY_V2 -> Set.of("oauth_app_secret");
            case ALIPAY, UNIONPAY -> Set.of();
        };
    }
}
