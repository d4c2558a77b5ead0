package com.aggpay.sdk;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The {@code pay_way} of an order (API.md, "Create a payment order"). */
public enum PayWay {
    WX_NATIVE, WX_JSAPI, WX_H5, WX_APP,
    ALI_QR, ALI_WAP, ALI_PC, ALI_APP, ALI_JSAPI,
    UP_QR,
    /** the platform's own cashier page: one link any wallet can pay */
    QR_CASHIER,
    /** a pay way this SDK version does not know yet */
    @JsonEnumDefaultValue UNKNOWN
}
