package com.aggpay.router.web;

/** A request the service answers with a problem document; carries the stable code and the offending field. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String param;
    private final transient Object body;

    public ApiException(ErrorCode code, String detail) {
        this(code, null, detail, null);
    }

    public ApiException(ErrorCode code, String param, String detail) {
        this(code, param, detail, null);
    }

    /** @param body an object to render instead of a problem document's extra members (e.g. the order on 503) */
    public ApiException(ErrorCode code, String param, String detail, Object body) {
        super(detail);
        this.code = code;
        this.param = param;
        this.body = body;
    }

    public ErrorCode code() {
        return code;
    }

    public String param() {
        return param;
    }

    public Object body() {
        return body;
    }
}
