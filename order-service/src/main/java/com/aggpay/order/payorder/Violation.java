package com.aggpay.order.payorder;

import com.aggpay.order.web.ErrorCode;

/** Why a request is refused: a stable code, the offending field and a sentence for the developer. */
public record Violation(ErrorCode code, String param, String detail) {
}
