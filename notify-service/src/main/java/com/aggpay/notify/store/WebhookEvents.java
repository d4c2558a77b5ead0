package com.aggpay.notify.store;

import com.aggpay.notify.domain.EventState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The webhook events and their attempts: every read and state change of the two tables goes through here. */
@Repository
public class WebhookEvents {

    private final WebhookEventMapper events;
    private final DeliveryAttemptMapper attempts;

    WebhookEvents(WebhookEventMapper events, DeliveryAttemptMapper attempts) {
        this.events = events;
        this.attempts = attempts;
    }

    /**
     * Stores a new event, due at once. Returns false when the event_id is already stored: a redelivered
     * Kafka message changes nothing. A single auto-committed statement, so it is durable when this returns.
     */
    public boolean insertIfAbsent(WebhookEventRow row) {
        try {
            return events.insert(row) == 1;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    public Optional<WebhookEventRow> find(String eventId) {
        return Optional.ofNullable(events.findByEventId(eventId));
    }

    public List<DeliveryAttemptRow> attemptsOf(String eventId) {
        return attempts.findByEventId(eventId);
    }

    public List<DueEvent> findDue(Instant now, Collection<String> exclude, Collection<String> only, int limit) {
        return events.findDue(now, exclude, only, limit);
    }

    /** Leases the given due events to {@code owner}; returns those it actually got (others may have won some). */
    public List<WebhookEventRow> claim(Collection<Long> ids, String owner, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (events.claim(ids, owner, now, now.plus(lease)) == 0) {
            return List.of();
        }
        return events.findLeased(ids, owner);
    }

    /** A counted attempt: the event row and its attempt row change together, or not at all if the lease was lost. */
    @Transactional
    public boolean recordAttempt(WebhookEventRow claimed, String owner, EventState state, boolean failure,
                                 Instant nextAttemptAt, Instant deliveredAt, String lastError,
                                 DeliveryAttemptRow attempt, Instant now) {
        int updated = events.complete(claimed.id, owner, state.name(), 1, failure ? 1 : 0, nextAttemptAt,
                deliveredAt, lastError, now);
        if (updated == 0) {
            return false;
        }
        attempts.insert(attempt);
        return true;
    }

    /** An attempt that never reached the merchant for our own reasons: only the due time moves. */
    public boolean postpone(WebhookEventRow claimed, String owner, Instant nextAttemptAt, String lastError,
                            Instant now) {
        return events.complete(claimed.id, owner, EventState.PENDING.name(), 0, 0, nextAttemptAt, null, lastError,
                now) == 1;
    }

    public boolean resend(String eventId, Instant now) {
        return events.resend(eventId, now) == 1;
    }

    public List<WebhookEventRow> recent(String appId, String mchNo, int limit, int offset) {
        return events.findRecent(appId, mchNo, limit, offset);
    }

    public long countDue(Instant now) {
        return events.countDue(now);
    }
}
