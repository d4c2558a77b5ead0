package com.aggpay.router.channel;

/** How the merchant presents the pay data to the payer (API.md, "The order object"). */
public enum PayDataType {
    CODE_URL, PAY_URL, FORM, JSAPI_PARAMS, APP_PARAMS, NONE
}
