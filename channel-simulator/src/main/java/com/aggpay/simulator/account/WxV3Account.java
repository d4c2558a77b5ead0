package com.aggpay.simulator.account;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The simulator's half of a WeChat Pay v3 merchant: what WeChat itself would hold. Never logged. */
public record WxV3Account(String mchid, String appid, PublicKey merchantPublicKey, PrivateKey wechatpayPrivateKey,
                          String publicKeyId, String apiV3Key) {

    @Override
    public String toString() {
        return "WxV3Account[mchid=" + mchid + ", appid=" + appid + ", publicKeyId=" + publicKeyId + "]";
    }
}
