package com.aggpay.sdk;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** {@code PAYING → SUCCESS | FAILED | CLOSED}; {@code SUCCESS} is final (refunds change only the refunded amount). */
public enum OrderState {
    PAYING, SUCCESS, FAILED, CLOSED,
    /** a state this SDK version does not know yet: never to be taken for paid */
    @JsonEnumDefaultValue UNKNOWN
}
