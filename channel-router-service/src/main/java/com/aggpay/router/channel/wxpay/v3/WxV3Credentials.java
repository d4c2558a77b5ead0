package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.ChannelInstance;

/** The credentials a WeChat Pay v3 channel needs, read from {@link ChannelInstance#credentials()}. Never logged. */
record WxV3Credentials(String appid, String merchantPrivateKey, String merchantSerialNo, String wechatpayPublicKeyId,
                       String wechatpayPublicKey, String apiV3Key) {

    static WxV3Credentials of(ChannelInstance channel) {
        return new WxV3Credentials(channel.credential("appid"), channel.credential("merchant_private_key"),
                channel.credential("merchant_serial_no"), channel.credential("wechatpay_public_key_id"),
                channel.credential("wechatpay_public_key"), channel.credential("api_v3_key"));
    }

    @Override
    public String toString() {
        return "WxV3Credentials[appid=" + appid + ", wechatpayPublicKeyId=" + wechatpayPublicKeyId + ", <secrets hidden>]";
    }
}
