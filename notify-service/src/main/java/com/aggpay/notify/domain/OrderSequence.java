package com.aggpay.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One order's events reach its merchant in the order they happened (issue 12: a payment before its refunds), whatever
 * order Kafka, a relay retry or a failed attempt brought them in: an event waits while an earlier event of its order
 * is still pending, or has not arrived yet. Pure: the caller reads the earlier events.
 *
 * <ul>
 *   <li>A pending earlier event: wait until just after its next attempt is due (it may be on the wire now).</li>
 *   <li>An earlier event not stored yet (events {@code 1..seq-1} are not all here): look again shortly, but not for
 *   ever: after {@code maxWaitForMissing} from the event's own arrival it goes anyway, since a lost or pre-numbering
 *   predecessor must not hold a merchant's events back.</li>
 *   <li>Delivered, given up or held (a disabled endpoint: the later event, normally bound for the same endpoint, is
 *   held by it too, and both are replayed in order when it is enabled) earlier events do not hold it back.</li>
 * </ul>
 */
public final class OrderSequence {

    /** An earlier event of the same order, as stored. */
    public record Earlier(int orderSeq, EventState state, Instant nextAttemptAt) {
    }

    static final Duration AFTER_PREDECESSOR = Duration.ofSeconds(1);
    static final Duration MISSING_RECHECK = Duration.ofSeconds(2);

    private OrderSequence() {
    }

    /** When to look again, or empty when the event may be attempted now. */
    public static Optional<Instant> waitUntil(Integer orderSeq, List<Earlier> earlier, Instant arrivedAt, Instant now,
                                              Duration maxWaitForMissing) {
        if (orderSeq == null || orderSeq <= 1) {
            return Optional.empty();
        }
        Optional<Instant> pending = earlier.stream().filter(e -> e.state() == EventState.PENDING)
                .map(Earlier::nextAttemptAt).max(Instant::compareTo);
        if (pending.isPresent()) {
            Instant after = pending.get().plus(AFTER_PREDECESSOR);
            Instant soonest = now.plus(AFTER_PREDECESSOR);
            return Optional.of(after.isAfter(soonest) ? after : soonest);
        }
        long present = earlier.stream().mapToInt(Earlier::orderSeq).filter(s -> s >= 1 && s < orderSeq).distinct()
                .count();
        if (present < orderSeq - 1 && now.isBefore(arrivedAt.plus(maxWaitForMissing))) {
            return Optional.of(now.plus(MISSING_RECHECK));
        }
        return Optional.empty();
    }
}
