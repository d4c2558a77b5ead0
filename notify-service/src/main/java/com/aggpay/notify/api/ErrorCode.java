package com.aggpay.notify.api;

import org.springframework.http.HttpStatus;

/** Stable error codes of notify-service's API; the {@code code} member of every problem+json answer. */
public enum ErrorCode {
    EVENT_UNKNOWN(HttpStatus.NOT_FOUND, "No webhook event with this id"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "No such resource"),
    ENDPOINT_NOT_FOUND(HttpStatus.NOT_FOUND, "No webhook endpoint with this URL for this merchant"),
    APP_UNKNOWN(HttpStatus.NOT_FOUND, "No app with this id for this merchant"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "A service this depends on is unavailable; try again"),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "The request is not valid"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

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
}
