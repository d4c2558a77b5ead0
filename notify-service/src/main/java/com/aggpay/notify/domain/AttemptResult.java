package com.aggpay.notify.domain;

/** What one delivery attempt came to, before any decision about the event is taken. */
public sealed interface AttemptResult {

    /** The outcome word stored on the attempt row and used as the metric tag. */
    String outcome();

    /** A 2xx answer: the merchant has the event. {@code answer}: the start of its body, null when empty. */
    record Delivered(int httpStatus, String answer) implements AttemptResult {
        public Delivered(int httpStatus) {
            this(httpStatus, null);
        }

        public String outcome() {
            return "DELIVERED";
        }
    }

    /**
     * The merchant answered, but not with 2xx. {@code answer}: the start of its body, null when empty;
     * {@code retryAfter}: the wait its {@code Retry-After} asked for on a 429 or 503, null when none.
     */
    record Rejected(int httpStatus, String answer, java.time.Duration retryAfter) implements AttemptResult {
        public Rejected(int httpStatus) {
            this(httpStatus, null, null);
        }

        public Rejected(int httpStatus, String answer) {
            this(httpStatus, answer, null);
        }

        public String outcome() {
            return "HTTP_ERROR";
        }
    }

    /** No answer: timeout, refused connection, DNS failure, reset. {@code error} is a short code, never a secret. */
    record Unreachable(String error) implements AttemptResult {
        public String outcome() {
            return error.startsWith("TIMEOUT") ? "TIMEOUT" : "NETWORK_ERROR";
        }
    }

    /** The target URL must never be called (SSRF guard): retrying cannot help. */
    record Forbidden(String reason) implements AttemptResult {
        public String outcome() {
            return "FORBIDDEN";
        }
    }

    /** Nothing could be sent because the merchant's own configuration is missing (no URL, unknown app, no secret). */
    record Misconfigured(String error) implements AttemptResult {
        public String outcome() {
            return "MISCONFIGURED";
        }
    }

    /** Nothing was sent because the merchant's endpoint is disabled: the event waits until it is enabled again. */
    record Held(String reason) implements AttemptResult {
        public String outcome() {
            return "HELD";
        }
    }

    /**
     * Not sent, and not the merchant's fault, so not counted as an attempt: our own dependency (merchant-service)
     * failed, or an earlier event of the same order is still on its way. {@code until}: when to look again, null for
     * the configured delay.
     */
    record Postponed(String error, java.time.Instant until) implements AttemptResult {
        /** Postponed by the configured delay. */
        public Postponed(String error) {
            this(error, null);
        }

        public String outcome() {
            return "POSTPONED";
        }
    }

    /** Whether the merchant's endpoint itself misbehaved (what drives per-merchant health). */
    default boolean endpointFailed() {
        return this instanceof Rejected || this instanceof Unreachable;
    }
}
