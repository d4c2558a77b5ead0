package com.aggpay.notify.delivery;

import com.aggpay.notify.store.DueEvent;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One pass over the database: takes the due events of endpoints that still have a free slot, healthy and suspect
 * endpoints separately (see {@link Bulkhead}), oldest first, leases them with a conditional update and starts their
 * attempts; a busy healthy endpoint's next events are leased ahead into the {@link WaitingRoom}. Endpoints that can
 * take nothing are left out of the query, so one flooded endpoint's backlog never fills the window. The pass also
 * says when the next event falls due, and which endpoints' backlogs it found drained.
 */
final class DueScan {

    private static final int MAX_KEYS_IN_FILTER = 5_000;

    private final WebhookEvents events;
    private final Bulkhead bulkhead;
    private final Backlog backlog;
    private final Dispatcher dispatcher;
    private final ScanClock scanClock;
    private final DeliveryMetrics metrics;
    private final Duration horizon;
    private final Duration lease;
    private final int maxCandidates;
    private final Clock clock;
    private final Supplier<String> newOwner;
    private volatile Instant lastBacklogCount = Instant.EPOCH;

    /** @param horizon how far ahead a pass looks for the next event to fall due (the periodic scan interval) */
    DueScan(WebhookEvents events, Bulkhead bulkhead, Backlog backlog, Dispatcher dispatcher, ScanClock scanClock,
            DeliveryMetrics metrics, Duration horizon, Duration lease, int maxCandidates, Clock clock,
            Supplier<String> newOwner) {
        this.events = events;
        this.bulkhead = bulkhead;
        this.backlog = backlog;
        this.dispatcher = dispatcher;
        this.scanClock = scanClock;
        this.metrics = metrics;
        this.horizon = horizon;
        this.lease = lease;
        this.maxCandidates = maxCandidates;
        this.clock = clock;
        this.newOwner = newOwner;
    }

    /** Returns how many attempts it started. */
    int run() {
        dispatcher.expireWaiting();
        Map<String, Long> backlogBefore = backlog.snapshot();
        Instant now = clock.instant();
        countBacklogNow(now);
        Set<String> suspects = bulkhead.suspects();
        Set<String> saturated = bulkhead.saturated();
        // Healthy lane: every endpoint that is not suspect and can take something, now or into the waiting room.
        Set<String> exclude = new HashSet<>(suspects);
        saturated.stream().filter(endpoint -> dispatcher.waitingSpace(endpoint) == 0).forEach(exclude::add);
        Pass healthy = pass(Bulkhead.Lane.HEALTHY, now, exclude, null);
        // Suspect lane: only suspects with a free slot, from their own small pool.
        Set<String> eligibleSuspects = new HashSet<>(suspects);
        eligibleSuspects.removeAll(saturated);
        Pass suspect = eligibleSuspects.isEmpty() ? Pass.NOTHING
                : pass(Bulkhead.Lane.SUSPECT, now, null, eligibleSuspects);
        backlog.clear(backlogBefore, endpoint -> healthy.drained(endpoint, !exclude.contains(endpoint))
                || suspect.drained(endpoint, eligibleSuspects.contains(endpoint)));
        healthy.earliest(suspect).ifPresent(at -> scanClock.scanWithin(Duration.between(clock.instant(), at)));
        if (healthy.truncated() || suspect.truncated()) {
            scanClock.scanSoon();
        }
        return healthy.started() + suspect.started();
    }

    /**
     * What one lane's pass did: attempts started; whether it read every due event of the endpoints it looked at
     * ({@code complete}) and which of them it had to leave ({@code waiting}); the soonest event not due yet.
     */
    private record Pass(int started, boolean complete, Set<String> waiting, Instant nextDue) {
        static final Pass NOTHING = new Pass(0, false, Set.of(), null);

        boolean drained(String endpoint, boolean lookedAt) {
            return lookedAt && complete && !waiting.contains(endpoint);
        }

        /** It stopped at its limit: more may be due than it read. */
        boolean truncated() {
            return this != NOTHING && !complete;
        }

        Optional<Instant> earliest(Pass other) {
            if (nextDue == null || other.nextDue != null && other.nextDue.isBefore(nextDue)) {
                return Optional.ofNullable(other.nextDue);
            }
            return Optional.of(nextDue);
        }
    }

    private Pass pass(Bulkhead.Lane lane, Instant now, Collection<String> exclude, Collection<String> only) {
        int free = bulkhead.free(lane);
        if (free == 0) {
            backlog.laneFull(lane); // whatever is due there waits for the next freed slot
            return Pass.NOTHING;
        }
        int limit = Math.min(maxCandidates, free * 4);
        List<DueEvent> found = events.findDue(now, now.plus(horizon), cap(exclude), cap(only), limit);
        Instant nextDue = null;
        Set<String> waiting = new HashSet<>();
        Map<Long, Bulkhead.Ticket> tickets = new HashMap<>();
        Set<Long> toQueue = new HashSet<>();
        Map<String, Integer> space = new HashMap<>();
        for (DueEvent candidate : found) {
            if (candidate.nextAttemptAt().isAfter(now)) {
                nextDue = candidate.nextAttemptAt(); // soonest first: the rest are later still
                break;
            }
            String endpoint = candidate.endpoint();
            Optional<Bulkhead.Ticket> ticket = waiting.contains(endpoint)
                    || bulkhead.laneOf(endpoint) != lane // health changed since the query
                    ? Optional.empty() : bulkhead.tryAcquire(endpoint);
            if (ticket.isPresent()) {
                tickets.put(candidate.id(), ticket.get());
            } else if (lane == Bulkhead.Lane.HEALTHY && !waiting.contains(endpoint)
                    && space.computeIfAbsent(endpoint, dispatcher::waitingSpace) > 0) {
                // a busy healthy endpoint: take its backlog ahead, to start as soon as it answers
                space.merge(endpoint, -1, Integer::sum);
                toQueue.add(candidate.id());
            } else {
                waiting.add(endpoint);
            }
        }
        waiting.forEach(dispatcher::leftWaiting);
        boolean complete = found.size() < limit || nextDue != null;
        return new Pass(claimAndStart(tickets, toQueue, now), complete, waiting, nextDue);
    }

    /** Leases the chosen events, starts those with a ticket and queues the others; returns how many it took. */
    private int claimAndStart(Map<Long, Bulkhead.Ticket> tickets, Set<Long> toQueue, Instant now) {
        if (tickets.isEmpty() && toQueue.isEmpty()) {
            return 0;
        }
        List<Long> ids = new ArrayList<>(tickets.keySet());
        ids.addAll(toQueue);
        String owner = newOwner.get();
        List<WebhookEventRow> claimed;
        try {
            claimed = events.claim(ids, owner, now, lease);
        } catch (RuntimeException e) {
            tickets.values().forEach(dispatcher::release);
            throw e;
        }
        List<WebhookEventRow> queued = new ArrayList<>();
        for (WebhookEventRow event : claimed) {
            Bulkhead.Ticket ticket = tickets.remove(event.id);
            if (ticket != null) {
                dispatcher.start(event, owner, ticket);
            } else {
                queued.add(event);
            }
        }
        dispatcher.queue(queued, owner);
        // Another instance won these between our query and our claim.
        tickets.values().forEach(dispatcher::release);
        return claimed.size();
    }

    /** Bounds the SQL IN list; beyond it the filter is incomplete, which costs only scan efficiency. */
    private static Collection<String> cap(Collection<String> endpoints) {
        if (endpoints == null || endpoints.size() <= MAX_KEYS_IN_FILTER) {
            return endpoints;
        }
        return endpoints.stream().limit(MAX_KEYS_IN_FILTER).toList();
    }

    private void countBacklogNow(Instant now) {
        if (Duration.between(lastBacklogCount, now).toSeconds() >= 5) {
            lastBacklogCount = now;
            metrics.dueBacklog(events.countDue(now));
        }
    }
}
