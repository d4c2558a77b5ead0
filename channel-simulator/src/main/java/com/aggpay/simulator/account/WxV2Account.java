package com.aggpay.simulator.account;

/** A WeChat Pay v2 merchant as WeChat holds it: the appid bound to it and the shared API key. Never logged. */
public record WxV2Account(String mchId, String appid, String apiKey) {

    @Override
    public String toString() {
        return "WxV2Account[mchId=" + mchId + ", appid=" + appid + "]";
    }
}
