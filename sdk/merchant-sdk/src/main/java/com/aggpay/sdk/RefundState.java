package com.aggpay.sdk;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

public enum RefundState {
    PROCESSING, SUCCESS, FAILED,
    /** a state this SDK version does not know yet: never to be taken for refunded */
    @JsonEnumDefaultValue UNKNOWN
}
