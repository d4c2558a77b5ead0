package com.aggpay.sdk;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How to use an order's {@code pay_data}. */
public enum PayDataType {
    /** render as a QR code */
    CODE_URL,
    /** open in a browser */
    PAY_URL,
    /** HTML to submit */
    FORM,
    /** a JSON string for the wallet's JS bridge */
    JSAPI_PARAMS,
    /** a JSON string for the wallet's app SDK */
    APP_PARAMS,
    NONE,
    @JsonEnumDefaultValue UNKNOWN
}
