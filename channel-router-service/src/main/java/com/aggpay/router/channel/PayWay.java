package com.aggpay.router.channel;

/** The pay ways of the merchant API (API.md). */
public enum PayWay {
    WX_NATIVE, WX_JSAPI, WX_H5, WX_APP,
    ALI_QR, ALI_WAP, ALI_PC, ALI_APP, ALI_JSAPI,
    UP_QR, UP_JSAPI,
    QR_CASHIER
}
