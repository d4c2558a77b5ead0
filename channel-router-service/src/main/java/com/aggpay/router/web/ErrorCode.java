package com.aggpay.router.web;

import org.springframework.http.HttpStatus;

/** channel-router-service's stable error codes. */
public enum ErrorCode {
    BODY_MALFORMED(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape."),
    PARAM_INVALID(HttpStatus.BAD_REQUEST, "A field has an invalid value."),
    REQUEST_INVALID(HttpStatus.BAD_REQUEST, "The request is malformed."),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this endpoint accepts."),
    MEDIA_TYPE_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request's Content-Type is not accepted here."),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "No answer in a media type the Accept header allows."),
    CHANNEL_UNKNOWN(HttpStatus.NOT_FOUND, "No such channel."),
    CHANNEL_EXISTS(HttpStatus.CONFLICT, "A channel with this name already exists."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "No such resource."),
    TRADE_UNKNOWN(HttpStatus.NOT_FOUND, "No trade with this out_trade_no."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed."),
    BILL_UNSUPPORTED(HttpStatus.NOT_IMPLEMENTED, "This channel's adapter cannot download bills."),
    BILL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The channel's bill could not be downloaded; try again later."),
    NO_CHANNEL_FOR_WALLET(HttpStatus.NOT_FOUND, "The merchant has no usable channel for this wallet."),
    PAYER_AUTH_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "The wallet refused the authorisation code."),
    CHANNEL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The channel gave no clear answer; try again."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error.");

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
