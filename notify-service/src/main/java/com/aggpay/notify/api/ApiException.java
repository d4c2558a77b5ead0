package com.aggpay.notify.api;

/** An answer with an {@link ErrorCode}; the advice turns it into problem+json. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String param;

    public ApiException(ErrorCode code, String param, String detail) {
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
