package com.aggpay.gateway.limits;

import org.springframework.core.io.buffer.DataBufferLimitException;

/** A request body went past its route's limit while it streamed in; answered 413 {@code BODY_TOO_LARGE}. */
public class BodyTooLarge extends DataBufferLimitException {

    public BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
    }
}
