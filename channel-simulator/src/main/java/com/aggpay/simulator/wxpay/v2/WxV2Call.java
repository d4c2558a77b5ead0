package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.account.WxV2Account;
import java.util.Map;

/** A request that passed the gateway checks: the merchant, the sign_type it signed with and its fields. */
record WxV2Call(WxV2Account account, String signType, Map<String, String> params) {

    String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
