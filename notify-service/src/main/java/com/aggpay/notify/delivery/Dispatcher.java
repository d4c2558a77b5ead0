package com.aggpay.notify.delivery;

import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts attempts under a {@link Bulkhead} slot and keeps what cannot start yet waiting: briefly in the
 * {@link WaitingRoom}, otherwise in the database with its endpoint listed in the {@link Backlog}. A freed slot goes
 * to whatever waited for it: the next event in the waiting room at once, the database backlog through a scan.
 * Each endpoint is served first come, first served, so nothing that waits is overtaken by newer events for long.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How long an event may wait in memory for a slot before it goes back to the database, at most. */
    static final Duration MAX_WAIT_IN_MEMORY = Duration.ofSeconds(5);

    private final WebhookEvents events;
    private final Bulkhead bulkhead;
    private final Deliverer deliverer;
    private final Map<Bulkhead.Lane, Executor> prepareExecutors;
    private final WaitingRoom waitingRoom;
    private final Backlog backlog;
    private final ScanClock scanClock;
    private final Clock clock;
    private final Duration maxWait;

    /** @param lease how long a claim holds an event; what waits in memory goes back well within it */
    Dispatcher(WebhookEvents events, Bulkhead bulkhead, Deliverer deliverer,
               Map<Bulkhead.Lane, Executor> prepareExecutors, WaitingRoom waitingRoom, Backlog backlog,
               ScanClock scanClock, Duration lease, Clock clock) {
        this.events = events;
        this.bulkhead = bulkhead;
        this.deliverer = deliverer;
        this.prepareExecutors = prepareExecutors;
        this.waitingRoom = waitingRoom;
        this.backlog = backlog;
        this.scanClock = scanClock;
        this.clock = clock;
        this.maxWait = maxWaitInMemory(lease);
    }

    /**
     * {@link #MAX_WAIT_IN_MEMORY}, and never more than a quarter of the lease: an event leaves the waiting room with
     * three quarters of its lease left, for its attempt to run and be stored before any scan may take it over. Waiting
     * longer than the lease would let this very instance's next scan claim it again and send it twice.
     */
    static Duration maxWaitInMemory(Duration lease) {
        Duration quarter = lease.dividedBy(4);
        return quarter.compareTo(MAX_WAIT_IN_MEMORY) < 0 ? quarter : MAX_WAIT_IN_MEMORY;
    }

    /**
     * Starts fresh events leased to {@code owner}, or queues each behind whatever of its endpoint already waits.
     * A suspect endpoint's events wait in the database, not in memory: it is likely to fail slowly.
     *
     * @param accepting false while the engine stops: everything goes back to the database
     */
    void dispatchFresh(List<WebhookEventRow> fresh, String owner, boolean accepting) {
        Instant now = clock.instant();
        List<String> givenBack = new ArrayList<>();
        Set<String> backlogged = new HashSet<>();
        for (WebhookEventRow event : fresh) {
            String endpoint = event.endpoint;
            if (accepting && !backlogged.contains(endpoint) && !backlog.contains(endpoint)) {
                Optional<Bulkhead.Ticket> ticket = waitingRoom.hasWaiting(endpoint) ? Optional.empty()
                        : bulkhead.tryAcquire(endpoint);
                if (ticket.isPresent()) {
                    start(event, owner, ticket.get());
                    continue;
                }
                if (bulkhead.laneOf(endpoint) == Bulkhead.Lane.HEALTHY
                        && waitingRoom.offer(new WaitingRoom.Waiting(event, owner, now))) {
                    startWaiting(endpoint); // in case its last request was answered in the meantime
                    continue;
                }
            }
            givenBack.add(event.eventId);
            backlogged.add(endpoint);
        }
        if (!givenBack.isEmpty()) {
            events.release(givenBack, owner);
            // only now: a scan that ran before the release could not have seen them, and must not clear the mark
            backlogged.forEach(this::leftWaiting);
            scanClock.scanSoon();
        }
        checkWaitingBy(now);
    }

    /** Starts one attempt under its ticket; the ticket is given back as its steps end. */
    void start(WebhookEventRow event, String owner, Bulkhead.Ticket ticket) {
        Deliverer.Attempt attempt;
        try {
            attempt = deliverer.deliver(event, owner, prepareExecutors.get(ticket.lane()));
        } catch (RuntimeException rejected) { // executors refuse work while shutting down
            release(ticket);
            log.warn("event=WEBHOOK_ATTEMPT_NOT_STARTED event_id={} (lease expires, attempt repeats)", event.eventId);
            return;
        }
        attempt.answered().whenComplete((ok, error) -> {
            bulkhead.answered(ticket);
            startWaiting(ticket.endpoint());
            if (backlog.contains(ticket.endpoint())) {
                scanClock.scanSoon();
            }
        });
        attempt.stored().whenComplete((dueAgain, error) -> {
            release(ticket);
            if (error != null) {
                log.error("event=WEBHOOK_RECORD_FAILED event_id={} (lease expires, attempt repeats)",
                        event.eventId, error);
            } else {
                dueAgain.ifPresent(at -> scanClock.scanWithin(Duration.between(clock.instant(), at)));
            }
        });
    }

    /** How many more events of this endpoint may wait in memory now. */
    int waitingSpace(String endpoint) {
        return waitingRoom.space(endpoint);
    }

    /**
     * Queues events a scan leased ahead of time behind whatever of their endpoint waits in memory; those that no
     * longer fit go back to the database.
     */
    void queue(List<WebhookEventRow> leased, String owner) {
        Instant now = clock.instant();
        List<String> givenBack = new ArrayList<>();
        Set<String> endpoints = new HashSet<>();
        for (WebhookEventRow event : leased) {
            if (waitingRoom.offer(new WaitingRoom.Waiting(event, owner, now))) {
                endpoints.add(event.endpoint);
            } else {
                givenBack.add(event.eventId);
                leftWaiting(event.endpoint);
            }
        }
        events.release(givenBack, owner);
        endpoints.forEach(this::startWaiting); // in case their requests were answered in the meantime
        checkWaitingBy(now);
    }

    /** Gives a ticket back in full, and its slot to whatever waited for it. */
    void release(Bulkhead.Ticket ticket) {
        bulkhead.release(ticket);
        boolean laneWasFull = backlog.laneFreed(ticket.lane());
        if (laneWasFull) {
            waitingRoom.endpoints().forEach(this::startWaiting);
        }
        if (laneWasFull || backlog.contains(ticket.endpoint())) {
            scanClock.scanSoon();
        }
    }

    /** Due events of this endpoint stay in the database for now: a slot freed for them should bring a scan. */
    void leftWaiting(String endpoint) {
        backlog.add(endpoint);
        Bulkhead.Lane lane = bulkhead.laneOf(endpoint);
        if (bulkhead.free(lane) == 0) {
            backlog.laneFull(lane);
        }
    }

    /** Gives back to the database what waited in memory too long, and asks for a scan when the next one would. */
    void expireWaiting() {
        Instant now = clock.instant();
        giveBack(waitingRoom.expire(now, maxWait));
        checkWaitingBy(now);
    }

    /** The engine stops: everything waiting in memory goes back to the database for the next instance to scan. */
    void giveBackAllWaiting() {
        giveBack(waitingRoom.drain());
    }

    private void startWaiting(String endpoint) {
        List<WaitingRoom.Waiting> stale = new ArrayList<>();
        try {
            while (waitingRoom.hasWaiting(endpoint)) {
                Optional<Bulkhead.Ticket> ticket = bulkhead.tryAcquire(endpoint);
                if (ticket.isEmpty()) {
                    Bulkhead.Lane lane = bulkhead.laneOf(endpoint);
                    if (bulkhead.free(lane) == 0) {
                        backlog.laneFull(lane); // the next freed lane slot tries again
                    }
                    return;
                }
                Optional<WaitingRoom.Waiting> next = pollInTime(endpoint, stale);
                if (next.isEmpty()) {
                    bulkhead.release(ticket.get());
                    return;
                }
                start(next.get().event(), next.get().leaseOwner(), ticket.get());
            }
        } finally {
            if (!stale.isEmpty()) {
                giveBack(stale);
            }
        }
    }

    /**
     * The longest-waiting event of the endpoint that may still start; those that waited too long for the rest of
     * their lease (no scan has expired them yet) are set aside in {@code stale}, to go back to the database.
     */
    private Optional<WaitingRoom.Waiting> pollInTime(String endpoint, List<WaitingRoom.Waiting> stale) {
        Instant oldestAllowed = clock.instant().minus(maxWait);
        for (Optional<WaitingRoom.Waiting> next = waitingRoom.poll(endpoint); next.isPresent();
             next = waitingRoom.poll(endpoint)) {
            if (!next.get().since().isBefore(oldestAllowed)) {
                return next;
            }
            stale.add(next.get());
        }
        return Optional.empty();
    }

    private void giveBack(List<WaitingRoom.Waiting> waiting) {
        Map<String, List<String>> byOwner = new HashMap<>();
        waiting.forEach(w -> byOwner.computeIfAbsent(w.leaseOwner(), k -> new ArrayList<>()).add(w.event().eventId));
        byOwner.forEach((owner, ids) -> events.release(ids, owner));
        waiting.forEach(w -> leftWaiting(w.event().endpoint));
    }

    private void checkWaitingBy(Instant now) {
        waitingRoom.oldest().ifPresent(since -> scanClock.scanWithin(
                Duration.between(now, since.plus(maxWait))));
    }
}
