package com.aggpay.simulator.wxpay.v2;

import java.util.Map;
import java.util.TreeMap;

/**
 * The business parameters of a unifiedorder call (without nonce_str and sign, which change on every call): two
 * calls for one out_trade_no with equal params are the same trade, as WeChat treats them.
 */
record WxV2Params(Map<String, String> fields) {

    static WxV2Params of(Map<String, String> request) {
        Map<String, String> fields = new TreeMap<>(request);
        fields.remove("nonce_str");
        fields.remove("sign");
        return new WxV2Params(Map.copyOf(fields));
    }

    String signType() {
        String signType = fields.get("sign_type");
        return signType == null || signType.isEmpty() ? WxV2Sign.MD5 : signType;
    }
}
