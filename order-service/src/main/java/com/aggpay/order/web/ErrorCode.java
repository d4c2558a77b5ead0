package com.aggpay.order.web;

import org.springframework.http.HttpStatus;

/** order-service's stable error codes (API.md, "Errors"). */
public enum ErrorCode {
    BODY_MALFORMED(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape."),
    PARAM_REQUIRED(HttpStatus.BAD_REQUEST, "A required field is missing."),
    PARAM_INVALID(HttpStatus.BAD_REQUEST, "A field has an invalid value."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "This path does not take this HTTP method."),
    MEDIA_TYPE_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json."),
    CURRENCY_UNSUPPORTED(HttpStatus.BAD_REQUEST, "Only CNY is accepted."),
    PAY_WAY_UNSUPPORTED(HttpStatus.BAD_REQUEST, "This pay_way is not supported."),
    CALLER_UNKNOWN(HttpStatus.UNAUTHORIZED, "The request did not come through the gateway's authentication."),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "No such order."),
    ORDER_ALREADY_PAID(HttpStatus.CONFLICT, "The order is paid; it cannot be closed."),
    MCH_ORDER_NO_CONFLICT(HttpStatus.CONFLICT, "This mch_order_no was used for an order with different content."),
    REFUND_NOT_FOUND(HttpStatus.NOT_FOUND, "No such refund."),
    MCH_REFUND_NO_CONFLICT(HttpStatus.CONFLICT, "This mch_refund_no was used for a refund with a different order or amount."),
    ORDER_NOT_PAID(HttpStatus.CONFLICT, "Only a paid (SUCCESS) order can be refunded."),
    REFUND_EXCEEDS_PAID(HttpStatus.CONFLICT, "The refunds of this order would add up to more than was paid."),
    TRADE_UNKNOWN(HttpStatus.NOT_FOUND, "No trade with this out_trade_no."),
    NOTIFY_MISMATCH(HttpStatus.CONFLICT, "The channel's report does not match the stored order."),
    NO_CHANNEL_AVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "No payment channel could open a trade for this order."),
    ROUTER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The payment router did not answer; query the order or repeat the request."),
    CHANNEL_UNKNOWN(HttpStatus.BAD_REQUEST, "No such channel."),
    BILL_UNSUPPORTED(HttpStatus.BAD_REQUEST, "This channel has no bill download, so it cannot be reconciled."),
    BILL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The channel's bill could not be downloaded; try again later."),
    REPORT_NOT_FOUND(HttpStatus.NOT_FOUND, "No reconciliation report for this channel and day."),
    CHANNEL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The channel gave no clear answer; the order stays PAYING. Try again."),
    STATIC_QR_DAILY_CAP(HttpStatus.CONFLICT, "Static-code payments of this payer today would exceed the PBOC daily cap."),
    ORDER_NOT_PAYABLE(HttpStatus.CONFLICT, "This order can no longer be paid here: it is paid, closed or being paid by someone else."),
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
