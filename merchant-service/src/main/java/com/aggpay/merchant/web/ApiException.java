package com.aggpay.merchant.web;

/** A failure the caller should see as a problem with a stable {@link ErrorCode}. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String param;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public ApiException(ErrorCode code, String detail, String param) {
        super(detail);
        this.code = code;
        this.param = param;
    }

    public ErrorCode code() {
        return code;
    }

    public String param() {
        return param;
    }
}
