package com.aggpay.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a merchant's webhook endpoint (one URL of one merchant) is disabled: at once when it answers 410 Gone (it says
 * it is gone for good), or when it has failed without a single success for longer than {@code disableAfter}.
 * Any 2xx ends the failure streak. Disabled endpoints get no attempts; their events wait until it is enabled again.
 */
public final class EndpointHealth {

    public enum State { ACTIVE, FAILING, DISABLED }

    public enum DisabledReason { GONE, FAILING_TOO_LONG }

    private EndpointHealth() {
    }

    /** Whether this attempt's outcome counts against the endpoint (its streak grows) or clears it. */
    public static boolean countsAsFailure(AttemptResult result) {
        return result.endpointFailed();
    }

    public static boolean endsStreak(AttemptResult result) {
        return result instanceof AttemptResult.Delivered;
    }

    /**
     * After a failed attempt has been counted: the reason to disable the endpoint now, if any.
     *
     * @param failingSince when the current streak of failures began (the first failure after the last success)
     */
    public static Optional<DisabledReason> disableAfterFailure(AttemptResult result, Instant failingSince,
                                                               Instant now, Duration disableAfter) {
        if (result instanceof AttemptResult.Rejected r && r.httpStatus() == 410) {
            return Optional.of(DisabledReason.GONE);
        }
        if (countsAsFailure(result) && failingSince != null
                && Duration.between(failingSince, now).compareTo(disableAfter) > 0) {
            return Optional.of(DisabledReason.FAILING_TOO_LONG);
        }
        return Optional.empty();
    }
}
