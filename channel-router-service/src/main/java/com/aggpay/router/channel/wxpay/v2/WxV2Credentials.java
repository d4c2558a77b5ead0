package com.aggpay.router.channel.wxpay.v2;

import com.aggpay.router.channel.ChannelInstance;

/** What a WeChat Pay v2 channel needs from {@link ChannelInstance#credentials()}. The API key is never logged. */
record WxV2Credentials(String appid, String apiKey, String signType) {

    static WxV2Credentials of(ChannelInstance channel) {
        String signType = channel.credential("sign_type");
        if (!WxV2Signer.supported(signType)) {
            throw new IllegalStateException("channel " + channel.name() + " has sign_type " + signType
                    + "; expected MD5 or HMAC-SHA256");
        }
        return new WxV2Credentials(channel.credential("appid"), channel.credential("api_key"), signType);
    }

    @Override
    public String toString() {
        return "WxV2Credentials[appid=" + appid + ", signType=" + signType + ", apiKey=<hidden>]";
    }
}
