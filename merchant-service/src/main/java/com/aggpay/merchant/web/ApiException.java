package com.aggpay.merchant.web;

import java.time.Duration;

/** A failure the caller should see as a problem with a stable {@link ErrorCode}. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String param;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public ApiException(ErrorCode code, String detail, String param) {
        this(code, detail, param, null);
    }

    private ApiException(ErrorCode code, String detail, String param, Duration retryAfter) {
        super(detail);
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    /** A refusal the caller may try again after {@code retryAfter}: answered with a {@code Retry-After} header. */
    public static ApiException retryLater(ErrorCode code, String detail, Duration retryAfter) {
        return new ApiException(code, detail, null, retryAfter);
    }

    public ErrorCode code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** Null unless the caller should be told when to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
