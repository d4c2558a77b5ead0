package com.aggpay.notify.delivery;

import com.aggpay.notify.domain.OrderSequence;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps one order's events in the order they happened ({@link OrderSequence}): before an attempt, the earlier events
 * of the event's order are read (one indexed range query, and none at all for an order's first event).
 */
public class OrderGate {

    private final WebhookEvents events;
    private final Duration maxWaitForMissing;
    private final Clock clock;

    public OrderGate(WebhookEvents events, Duration maxWaitForMissing, Clock clock) {
        this.events = events;
        this.maxWaitForMissing = maxWaitForMissing;
        this.clock = clock;
    }

    /** When the event may be looked at again, or empty when nothing earlier of its order is on its way. */
    public Optional<Instant> waitUntil(WebhookEventRow event) {
        if (event.payOrderId == null || event.orderSeq == null || event.orderSeq <= 1) {
            return Optional.empty();
        }
        return OrderSequence.waitUntil(event.orderSeq, events.earlierOfOrder(event.payOrderId, event.orderSeq),
                event.createdAt, clock.instant(), maxWaitForMissing);
    }
}
