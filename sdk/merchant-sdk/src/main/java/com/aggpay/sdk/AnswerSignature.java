package com.aggpay.sdk;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;

/**
 * The check a merchant makes on every answer (API.md): {@code Aggpay-Signature} over
 * {@code Aggpay-Timestamp\nAggpay-Nonce\nBODY\n}, by the app secret or the platform's RSA key as {@link Credentials}
 * pair them. Without it, anyone between the merchant and the platform could tell the merchant an order was paid.
 */
public final class AnswerSignature {

    public static final String TIMESTAMP_HEADER = "Aggpay-Timestamp";
    public static final String NONCE_HEADER = "Aggpay-Nonce";
    public static final String SIGNATURE_HEADER = "Aggpay-Signature";

    private AnswerSignature() {
    }

    /** Whether the answer carries a valid platform signature (its age not considered). */
    public static boolean isValid(Credentials credentials, HttpHeaders headers, byte[] body) {
        String timestamp = headers.firstValue(TIMESTAMP_HEADER).orElse(null);
        String nonce = headers.firstValue(NONCE_HEADER).orElse(null);
        String signature = headers.firstValue(SIGNATURE_HEADER).orElse(null);
        return timestamp != null && nonce != null && signature != null
                && credentials.isPlatformSignature(Signing.answerMessage(timestamp, nonce, body), signature);
    }

    /**
     * Refuses an answer that is unsigned, badly signed, or signed further than {@code tolerance} from the local
     * clock (an old answer replayed), the same window the platform applies to requests.
     */
    public static void verify(Credentials credentials, Answer answer, Clock clock, Duration tolerance) {
        HttpHeaders headers = answer.headers();
        if (headers.firstValue(SIGNATURE_HEADER).isEmpty() || headers.firstValue(TIMESTAMP_HEADER).isEmpty()
                || headers.firstValue(NONCE_HEADER).isEmpty()) {
            throw new AnswerNotVerifiedException(AnswerNotVerifiedException.Reason.UNSIGNED, answer);
        }
        if (!isValid(credentials, headers, answer.body())) {
            throw new AnswerNotVerifiedException(AnswerNotVerifiedException.Reason.BAD_SIGNATURE, answer);
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(headers.firstValue(TIMESTAMP_HEADER).orElseThrow());
        } catch (NumberFormatException e) {
            throw new AnswerNotVerifiedException(AnswerNotVerifiedException.Reason.BAD_SIGNATURE, answer);
        }
        if (Math.abs(clock.instant().getEpochSecond() - signedAt) > tolerance.toSeconds()) {
            throw new AnswerNotVerifiedException(AnswerNotVerifiedException.Reason.STALE, answer);
        }
    }
}
