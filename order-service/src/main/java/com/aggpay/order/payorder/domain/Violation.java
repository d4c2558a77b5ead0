package com.aggpay.order.payorder.domain;

/** Why a request is refused: what kind of problem, the offending field and a sentence for the developer. */
public record Violation(Kind kind, String param, String detail) {

    public enum Kind { REQUIRED, INVALID, CURRENCY_UNSUPPORTED, PAY_WAY_UNSUPPORTED }
}
