package com.aggpay.notify.store;

import com.aggpay.notify.domain.OrderSequence;
import com.aggpay.notify.domain.EventState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook events and their attempts: every read and state change of the two tables goes through here. */
@Repository
public class WebhookEvents {

    /** Bounds one INSERT: far below max_allowed_packet (16 MB) even for bodies of 4-byte characters. */
    private static final int MAX_ROWS_PER_INSERT = 200;
    private static final long MAX_BODY_CHARS_PER_INSERT = 2_000_000;

    private final WebhookEventMapper events;
    private final DeliveryAttemptMapper attempts;
    private final WebhookEndpointMapper endpoints;
    private final TransactionTemplate tx;

    WebhookEvents(WebhookEventMapper events, DeliveryAttemptMapper attempts, WebhookEndpointMapper endpoints,
                  PlatformTransactionManager transactions) {
        this.events = events;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Stores new events, due at once and, with a lease, already claimed by it, so that they can be delivered the
     * moment this returns without another statement. Events whose event_id is stored already are left as they are
     * (a redelivered Kafka message changes nothing). One statement for a usual batch, one commit in any case: the
     * events are durable when this returns.
     *
     * @param lease {@code null}: leave the events to whichever instance scans first
     * @return how many events were new
     */
    public int insertNew(List<WebhookEventRow> rows, Lease lease) {
        if (rows.isEmpty()) {
            return 0;
        }
        String owner = lease == null ? null : lease.owner();
        Instant until = lease == null ? null : lease.until();
        List<List<WebhookEventRow>> chunks = chunks(rows);
        if (chunks.size() == 1) {
            return events.insertAll(rows, owner, until);
        }
        Integer inserted = tx.execute(status -> chunks.stream().mapToInt(c -> events.insertAll(c, owner, until)).sum());
        return inserted == null ? 0 : inserted;
    }

    private static List<List<WebhookEventRow>> chunks(List<WebhookEventRow> rows) {
        List<List<WebhookEventRow>> chunks = new ArrayList<>();
        List<WebhookEventRow> current = new ArrayList<>();
        long chars = 0;
        for (WebhookEventRow row : rows) {
            if (!current.isEmpty() && (current.size() == MAX_ROWS_PER_INSERT
                    || chars + row.body.length() > MAX_BODY_CHARS_PER_INSERT)) {
                chunks.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(row);
            chars += row.body.length();
        }
        chunks.add(current);
        return chunks;
    }

    /** Those of the given rows that {@code owner} holds: after {@link #insertNew} skipped some, the new ones. */
    public List<WebhookEventRow> heldBy(List<WebhookEventRow> rows, String owner) {
        Set<String> held = new HashSet<>(events.findHeld(rows.stream().map(r -> r.eventId).toList(), owner));
        return rows.stream().filter(r -> held.contains(r.eventId)).toList();
    }

    /** Gives up a lease on events that will not be attempted now: the next scan, of any instance, takes them. */
    public void release(Collection<String> eventIds, String owner) {
        if (!eventIds.isEmpty()) {
            events.release(eventIds, owner);
        }
    }

    /** The events of one order numbered before {@code orderSeq}, for {@link OrderSequence}. */
    public List<OrderSequence.Earlier> earlierOfOrder(String payOrderId, int orderSeq) {
        return events.earlierOfOrder(payOrderId, orderSeq).stream().map(r -> new OrderSequence.Earlier(r.orderSeq,
                EventState.valueOf(r.state), r.nextAttemptAt)).toList();
    }

    public Optional<WebhookEventRow> find(String eventId) {
        return Optional.ofNullable(events.findByEventId(eventId));
    }

    public List<DeliveryAttemptRow> attemptsOf(String eventId) {
        return attempts.findByEventId(eventId);
    }

    /** Pending unleased events due by {@code horizon}, soonest first (see the mapper for the filters). */
    public List<DueEvent> findDue(Instant now, Instant horizon, Collection<String> exclude, Collection<String> only,
                                  int limit) {
        return events.findDue(now, horizon, exclude, only, limit);
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

    /**
     * Stores the outcome of finished attempts, in one transaction: all successes in one UPDATE, each other outcome
     * in one of its own, and the delivery log of all of them in one INSERT. An attempt whose lease ran out (another
     * instance took the event over) changes nothing: its answer is {@code false}.
     *
     * @return for each attempt, in order, whether it was stored
     */
    public List<Boolean> recordAll(List<FinishedAttempt> finished, Instant now) {
        try {
            return tx.execute(status -> recordTogether(finished, now));
        } catch (LeaseLost lost) {
            // Rolled back: some success had lost its lease and one UPDATE cannot say which. Rare (a stall longer
            // than the lease), so find out the slow way.
            List<Boolean> applied = new ArrayList<>();
            for (FinishedAttempt attempt : finished) {
                applied.add(tx.execute(status -> recordTogether(List.of(attempt), now).get(0)));
            }
            return applied;
        }
    }

    private List<Boolean> recordTogether(List<FinishedAttempt> finished, Instant now) {
        List<FinishedAttempt> delivered = finished.stream().filter(f -> f.state() == EventState.DELIVERED).toList();
        if (!delivered.isEmpty() && events.markDelivered(delivered, now) != delivered.size()) {
            if (finished.size() == 1) {
                return List.of(false);
            }
            throw new LeaseLost();
        }
        List<Boolean> applied = new ArrayList<>();
        List<DeliveryAttemptRow> log = new ArrayList<>();
        for (FinishedAttempt f : finished) {
            boolean stored = f.state() == EventState.DELIVERED || f.state() == EventState.HELD && hold(f, now)
                    || events.complete(f.eventId(), f.leaseOwner(),
                    f.state() == EventState.HELD ? EventState.PENDING.name() : f.state().name(), f.counted() ? 1 : 0,
                    f.failure() ? 1 : 0, f.nextAttemptAt(), f.lastError(), f.webhookEndpointId(), now) == 1;
            applied.add(stored);
            if (stored && f.counted()) {
                log.add(f.attempt());
            }
        }
        if (!log.isEmpty()) {
            attempts.insertAll(log);
        }
        return applied;
    }

    /**
     * Holds the event while its endpoint is disabled; false when the lease was lost or the endpoint was enabled in
     * the meantime, in which case the caller stores it as pending and due at once instead (a lost lease fails that
     * too). The endpoint's state is read under a shared lock, in this transaction: an enabling transaction
     * ({@link WebhookEndpoints#enable}) either ends first, and this sees the endpoint enabled, or waits for this one
     * and replays the event held here. No event stays held behind an enabled endpoint.
     */
    private boolean hold(FinishedAttempt f, Instant now) {
        return "DISABLED".equals(endpoints.lockState(f.webhookEndpointId())) && events.hold(f.eventId(), f.leaseOwner(), f.counted() ? 1 : 0, f.failure() ? 1 : 0,
                f.webhookEndpointId(), f.lastError(), now) == 1;
    }

    /** Thrown inside the transaction to roll it back. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
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
