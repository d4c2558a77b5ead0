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
