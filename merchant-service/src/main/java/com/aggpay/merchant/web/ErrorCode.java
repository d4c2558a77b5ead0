package com.aggpay.merchant.web;

import org.springframework.http.HttpStatus;

/** Stable error codes of merchant-service; each maps to one RFC 9457 problem. */
public enum ErrorCode {
    APP_UNKNOWN(HttpStatus.NOT_FOUND, "Unknown app"),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    LOGIN_FAILED(HttpStatus.UNAUTHORIZED, "Login failed"),
    LOGIN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins"),
    OPERATOR_UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Operator not authenticated"),
    OPERATOR_UNKNOWN(HttpStatus.NOT_FOUND, "Unknown operator"),
    CANNOT_DISABLE_SELF(HttpStatus.CONFLICT, "An operator cannot disable itself"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    PORTAL_UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Merchant user not authenticated"),
    PORTAL_FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for this merchant user"),
    MERCHANT_NOT_ACTIVE(HttpStatus.FORBIDDEN, "Merchant not approved"),
    MERCHANT_UNKNOWN(HttpStatus.NOT_FOUND, "Unknown merchant"),
    STORE_UNKNOWN(HttpStatus.NOT_FOUND, "Unknown store"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "Email already registered"),
    STATE_CONFLICT(HttpStatus.CONFLICT, "Not allowed in the current state"),
    ORDER_NOT_PAID(HttpStatus.CONFLICT, "Only a paid order can be refunded"),
    REFUND_EXCEEDS_PAID(HttpStatus.CONFLICT, "The refunds would add up to more than was paid"),
    MCH_REFUND_NO_CONFLICT(HttpStatus.CONFLICT, "This mch_refund_no was used for another refund"),
    KYC_INCOMPLETE(HttpStatus.CONFLICT, "KYC incomplete"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    BODY_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Body too large"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    DEPENDENCY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Dependency unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A URN rather than a URL: nothing is published at a problem address yet. */
    public String type() {
        return "urn:aggpay:problem:" + name().toLowerCase().replace('_', '-');
    }
}
