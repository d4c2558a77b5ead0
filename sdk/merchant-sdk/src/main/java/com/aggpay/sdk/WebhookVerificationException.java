package com.aggpay.sdk;

/** A webhook that must not be acted on; answer it with a 4xx (the platform retries a genuine one). */
public class WebhookVerificationException extends RuntimeException {

    public enum Reason {
        /** neither {@code Aggpay-Signature} nor the three {@code webhook-*} headers */
        NO_SIGNATURE,
        /** a signature header that cannot be read */
        MALFORMED_HEADER,
        /** a timestamp further from this server's clock than the tolerance: possibly a replay */
        OUTSIDE_TOLERANCE,
        /** no signature matches the body under this secret: wrong secret, or the body was altered */
        SIGNATURE_MISMATCH,
        /** authentic, but not the event JSON this SDK understands */
        MALFORMED_BODY
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
