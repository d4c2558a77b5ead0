package com.aggpay.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * In-flight limits of this instance, the heart of isolation between webhook endpoints ({@link Endpoint}).
 * <ul>
 *   <li>Each endpoint holds at most its share of requests: a hanging server ties up only its own share, however
 *   many merchants or events point at it, and a healthy one is never capped by anything but its own answers. The
 *   share counts requests on the wire: an answered attempt frees it at once ({@link #answered}), before its outcome
 *   is stored.</li>
 *   <li>Each attempt also holds a slot of its lane until its outcome is stored ({@link #release}), which bounds
 *   the attempts in memory. Endpoints whose last attempt failed ("suspect") run in a separate, smaller lane with a
 *   small share each: thousands of dead endpoints, each hanging 10 s, fill only the suspect lane, never the healthy
 *   one.</li>
 *   <li>An endpoint that can take nothing more is left out of the scan, so its backlog waits in the database, not
 *   in front of other endpoints; only a bounded part of it waits in memory ({@link WaitingRoom}).</li>
 * </ul>
 * A success moves an endpoint back to the healthy lane; a suspect mark with no new failure fades after
 * {@code suspectMemory}, so the map stays bounded.
 */
public class Bulkhead {

    public enum Lane { HEALTHY, SUSPECT }

    /** A held slot: give its endpoint share back through {@link #answered}, and all of it through {@link #release}. */
    public static final class Ticket {
        private final Lane lane;
        private final String endpoint;
        private final AtomicBoolean endpointShareHeld = new AtomicBoolean(true);

        private Ticket(Lane lane, String endpoint) {
            this.lane = lane;
            this.endpoint = endpoint;
        }

        public Lane lane() {
            return lane;
        }

        public String endpoint() {
            return endpoint;
        }
    }

    private final Semaphore healthy;
    private final Semaphore suspect;
    private final int healthyMax;
    private final int suspectMax;
    private final int healthyPerEndpoint;
    private final int suspectPerEndpoint;
    private final Duration suspectMemory;
    private final Clock clock;
    private final Map<String, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();

    public Bulkhead(int healthyMax, int healthyPerEndpoint, int suspectMax, int suspectPerEndpoint,
                    Duration suspectMemory, Clock clock) {
        this.healthy = new Semaphore(healthyMax);
        this.suspect = new Semaphore(suspectMax);
        this.healthyMax = healthyMax;
        this.suspectMax = suspectMax;
        this.healthyPerEndpoint = healthyPerEndpoint;
        this.suspectPerEndpoint = suspectPerEndpoint;
        this.suspectMemory = suspectMemory;
        this.clock = clock;
    }

    public Lane laneOf(String endpoint) {
        Instant failed = lastFailure.get(endpoint);
        if (failed == null) {
            return Lane.HEALTHY;
        }
        if (failed.plus(suspectMemory).isBefore(clock.instant())) {
            lastFailure.remove(endpoint, failed);
            return Lane.HEALTHY;
        }
        return Lane.SUSPECT;
    }

    public int free(Lane lane) {
        return gate(lane).availablePermits();
    }

    /** A slot for one delivery to this endpoint in its current lane, if both the lane and the endpoint have room. */
    public Optional<Ticket> tryAcquire(String endpoint) {
        Lane lane = laneOf(endpoint);
        int limit = limit(lane);
        boolean[] taken = {false};
        // compute() makes check-and-increment atomic per endpoint against concurrent releases
        inFlightByEndpoint.compute(endpoint, (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            return Optional.empty();
        }
        if (!gate(lane).tryAcquire()) {
            decrement(endpoint);
            return Optional.empty();
        }
        return Optional.of(new Ticket(lane, endpoint));
    }

    /** The endpoint is done with this attempt (answered, failed or never called): its share is free again. */
    public void answered(Ticket ticket) {
        if (ticket.endpointShareHeld.compareAndSet(true, false)) {
            decrement(ticket.endpoint());
        }
    }

    /** The attempt is over (its outcome stored, or given up): the lane slot too is free again. */
    public void release(Ticket ticket) {
        answered(ticket);
        gate(ticket.lane()).release();
    }

    private void decrement(String endpoint) {
        inFlightByEndpoint.computeIfPresent(endpoint, (k, count) -> count <= 1 ? null : count - 1);
    }

    public void recordSuccess(String endpoint) {
        lastFailure.remove(endpoint);
    }

    public void recordFailure(String endpoint) {
        lastFailure.put(endpoint, clock.instant());
    }

    /** Endpoints whose share in their lane is all taken. */
    public Set<String> saturated() {
        Set<String> result = new HashSet<>();
        inFlightByEndpoint.forEach((endpoint, count) -> {
            if (count >= limit(laneOf(endpoint))) {
                result.add(endpoint);
            }
        });
        return result;
    }

    /** Endpoints currently in the suspect lane (expired marks are dropped on the way). */
    public Set<String> suspects() {
        Set<String> result = new HashSet<>();
        for (String endpoint : lastFailure.keySet()) {
            if (laneOf(endpoint) == Lane.SUSPECT) {
                result.add(endpoint);
            }
        }
        return result;
    }

    /** Attempts under way, from the first step until their outcome is stored. */
    public int inFlight() {
        return healthyMax - healthy.availablePermits() + suspectMax - suspect.availablePermits();
    }

    private int limit(Lane lane) {
        return lane == Lane.HEALTHY ? healthyPerEndpoint : suspectPerEndpoint;
    }

    private Semaphore gate(Lane lane) {
        return lane == Lane.HEALTHY ? healthy : suspect;
    }
}
