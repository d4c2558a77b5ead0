package com.aggpay.notify.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What this instance left waiting in the database for want of a slot, so that a freed slot asks for a scan only
 * when that scan can take something: endpoints with due events left behind, and lanes that were full.
 *
 * <p>While an endpoint is listed its fresh events queue up behind its backlog in the database (first come, first
 * served: a busy endpoint's backlog is never overtaken for seconds by newer events). Only a scan can tell that the
 * backlog is gone, and only for what it read: it takes a {@link #snapshot} before reading and {@link #clear}s an
 * endpoint only if nobody listed it again since.
 */
final class Backlog {

    private final AtomicLong marks = new AtomicLong();
    private final Map<String, Long> endpoints = new ConcurrentHashMap<>();
    private final Map<Bulkhead.Lane, AtomicBoolean> fullLanes = new EnumMap<>(Bulkhead.Lane.class);

    Backlog() {
        for (Bulkhead.Lane lane : Bulkhead.Lane.values()) {
            fullLanes.put(lane, new AtomicBoolean());
        }
    }

    void add(String endpoint) {
        endpoints.put(endpoint, marks.incrementAndGet());
    }

    boolean contains(String endpoint) {
        return endpoints.containsKey(endpoint);
    }

    /** Something due waited because the whole lane was taken, whichever endpoint it was for. */
    void laneFull(Bulkhead.Lane lane) {
        fullLanes.get(lane).set(true);
    }

    /** Whether a slot of this lane just freed is the one something was waiting for (answers once per fill). */
    boolean laneFreed(Bulkhead.Lane lane) {
        return fullLanes.get(lane).compareAndSet(true, false);
    }

    Map<String, Long> snapshot() {
        return Map.copyOf(endpoints);
    }

    /** Drops the endpoints of {@code before} that the scan found drained, unless listed again meanwhile. */
    void clear(Map<String, Long> before, Predicate<String> drained) {
        before.forEach((endpoint, mark) -> {
            if (drained.test(endpoint)) {
                endpoints.remove(endpoint, mark);
            }
        });
    }
}
