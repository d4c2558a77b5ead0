package com.aggpay.sdk;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** An answer of the platform as received: status, headers and the exact body bytes its signature covers. */
public record Answer(int status, HttpHeaders headers, byte[] body) {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as text (the merchant API answers UTF-8 JSON, or CSV for statements). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The platform's request id, to quote when asking support about this call. */
    public Optional<String> requestId() {
        return headers.firstValue(REQUEST_ID_HEADER);
    }
}
