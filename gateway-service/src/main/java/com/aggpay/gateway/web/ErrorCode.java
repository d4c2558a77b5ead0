package com.aggpay.gateway.web;

import org.springframework.http.HttpStatus;

/** Stable error codes the gateway itself answers with (API.md "Errors" and "Authentication"). */
public enum ErrorCode {
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED, "Signature invalid"),
    APP_UNKNOWN(HttpStatus.UNAUTHORIZED, "Unknown app"),
    TIMESTAMP_EXPIRED(HttpStatus.UNAUTHORIZED, "Timestamp expired"),
    NONCE_REPLAYED(HttpStatus.UNAUTHORIZED, "Nonce replayed"),
    MERCHANT_NOT_ACTIVE(HttpStatus.FORBIDDEN, "Merchant not active"),
    OPERATOR_UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Operator not authenticated"),
    OPERATOR_FORBIDDEN(HttpStatus.FORBIDDEN, "Not an operator"),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Body too large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limited"),
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Upstream unavailable"),
    UPSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Upstream timeout"),
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
