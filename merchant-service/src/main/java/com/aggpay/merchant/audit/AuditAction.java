package com.aggpay.merchant.audit;

/** What an operator did; stored by name, so names never change once written. */
public enum AuditAction {
    LOGIN,
    LOGOUT,
    OPERATOR_DISABLED,
    OPERATOR_ENABLED,
    APP_RATE_LIMIT_CHANGED,
    MERCHANT_APPROVED,
    MERCHANT_REJECTED
}
