package com.aggpay.notify.delivery;

import com.aggpay.notify.store.WebhookEventRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Events of a healthy endpoint that had no free slot at the moment, waiting in memory, in order, already leased to
 * this instance, to start the moment the endpoint answers another request: fresh events, and a busy endpoint's
 * backlog that a scan took out of the database ahead of time. A burst, or a stall of a busy machine, thus costs no
 * database round trip per event and keeps first come, first served.
 *
 * <p>Bounded three ways, so a flooded or broken endpoint cannot turn it into an unbounded in-memory backlog: a
 * number of events per endpoint and in all (the rest go back to the database at once), and a time after which the
 * engine gives waiting events back to the database ({@link #expire}), within a quarter of their lease.
 */
final class WaitingRoom {

    /** An event waiting for a slot, with the lease it is held under. */
    record Waiting(WebhookEventRow event, String leaseOwner, Instant since) {
    }

    private final int perEndpoint;
    private final int total;
    private final Map<String, Deque<Waiting>> byEndpoint = new LinkedHashMap<>();
    private int size;

    WaitingRoom(int perEndpoint, int total) {
        this.perEndpoint = perEndpoint;
        this.total = total;
    }

    /** Queues the event behind the others of its endpoint; false when there is no room (it goes back instead). */
    synchronized boolean offer(Waiting waiting) {
        Deque<Waiting> queue = byEndpoint.computeIfAbsent(waiting.event().endpoint, k -> new ArrayDeque<>());
        if (size == total || queue.size() == perEndpoint) {
            if (queue.isEmpty()) {
                byEndpoint.remove(waiting.event().endpoint);
            }
            return false;
        }
        queue.addLast(waiting);
        size++;
        return true;
    }

    /** How many more events of this endpoint would fit now. */
    synchronized int space(String endpoint) {
        Deque<Waiting> queue = byEndpoint.get(endpoint);
        return Math.min(perEndpoint - (queue == null ? 0 : queue.size()), total - size);
    }

    synchronized boolean hasWaiting(String endpoint) {
        return byEndpoint.containsKey(endpoint);
    }

    /** The longest-waiting event of this endpoint, if any. */
    synchronized Optional<Waiting> poll(String endpoint) {
        Deque<Waiting> queue = byEndpoint.get(endpoint);
        if (queue == null) {
            return Optional.empty();
        }
        Waiting first = queue.pollFirst();
        if (queue.isEmpty()) {
            byEndpoint.remove(endpoint);
        }
        size--;
        return Optional.of(first);
    }

    /** Endpoints with events waiting, longest-waiting endpoint first. */
    synchronized List<String> endpoints() {
        return new ArrayList<>(byEndpoint.keySet());
    }

    /** Takes out every event that has waited at least {@code maxWait}; they are to go back to the database. */
    synchronized List<Waiting> expire(Instant now, Duration maxWait) {
        List<Waiting> expired = new ArrayList<>();
        Instant limit = now.minus(maxWait);
        for (Iterator<Deque<Waiting>> queues = byEndpoint.values().iterator(); queues.hasNext(); ) {
            Deque<Waiting> queue = queues.next();
            while (!queue.isEmpty() && !queue.peekFirst().since().isAfter(limit)) {
                expired.add(queue.pollFirst());
                size--;
            }
            if (queue.isEmpty()) {
                queues.remove();
            }
        }
        return expired;
    }

    /** Takes out everything (the engine stops). */
    synchronized List<Waiting> drain() {
        List<Waiting> all = new ArrayList<>();
        byEndpoint.values().forEach(all::addAll);
        byEndpoint.clear();
        size = 0;
        return all;
    }

    /** When the longest-waiting event came in, if any waits. */
    synchronized Optional<Instant> oldest() {
        return byEndpoint.values().stream().map(q -> q.peekFirst().since()).min(Instant::compareTo);
    }
}
