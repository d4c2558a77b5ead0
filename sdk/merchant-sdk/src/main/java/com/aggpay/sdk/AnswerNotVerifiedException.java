package com.aggpay.sdk;

/**
 * An answer that cannot be shown to come from the platform. Nothing in it may be acted on; it is kept only so it can
 * be logged. The platform signs every answer once it knows the app: an unsigned one means an unknown {@code app_id}
 * or something else answering in its place (a proxy, a wrong base URL); a bad signature means the wrong secret or
 * platform key is configured, or the answer was altered on the way.
 */
public class AnswerNotVerifiedException extends RuntimeException {

    public enum Reason {
        /** no {@code Aggpay-Signature}, {@code Aggpay-Timestamp} or {@code Aggpay-Nonce} header */
        UNSIGNED,
        /** the signature does not match the answer under the configured secret or platform key */
        BAD_SIGNATURE,
        /** a valid signature made outside the allowed clock window: possibly an old answer replayed */
        STALE
    }

    private final Reason reason;
    private final transient Answer untrustedAnswer;

    public AnswerNotVerifiedException(Reason reason, Answer untrustedAnswer) {
        super(message(reason, untrustedAnswer.status()));
        this.reason = reason;
        this.untrustedAnswer = untrustedAnswer;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return untrustedAnswer.status();
    }

    /** The answer as received, for logging only: its content is not known to come from the platform. */
    public Answer untrustedAnswer() {
        return untrustedAnswer;
    }

    private static String message(Reason reason, int status) {
        return switch (reason) {
            case UNSIGNED -> "The answer (HTTP " + status + ") is not signed, so it cannot be trusted to come from "
                    + "AggPay: check the app_id and the base URL.";
            case BAD_SIGNATURE -> "The answer (HTTP " + status + ") carries a signature that does not verify: check "
                    + "the app secret (HMAC) or the platform public key (RSA); the answer may have been altered.";
            case STALE -> "The answer (HTTP " + status + ") was signed outside the allowed clock window: check this "
                    + "server's clock; the answer may be a replay.";
        };
    }
}
