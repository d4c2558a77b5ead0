package com.aggpay.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * A verified refusal from the platform: an RFC 9457 problem answer with its stable {@code code} (e.g.
 * {@code MCH_ORDER_NO_CONFLICT}), the offending {@code param} when there is one, the HTTP status and the platform's
 * {@code request_id}. Branch on {@link #code()}, never on the message.
 */
public class AggPayException extends RuntimeException {

    private final int status;
    private final String code;
    private final String param;
    private final String requestId;
    private final Duration retryAfter;

    public AggPayException(int status, String code, String param, String requestId, String detail,
                           Duration retryAfter) {
        super("HTTP " + status + (code == null ? "" : " " + code) + (param == null ? "" : " (param " + param + ")")
                + (detail == null ? "" : ": " + detail) + (requestId == null ? "" : " [request_id " + requestId + "]"));
        this.status = status;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The stable problem code; null only when the answer carried no problem document. */
    public String code() {
        return code;
    }

    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** From {@code Retry-After} on {@code 429 RATE_LIMITED} and 503 answers. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
