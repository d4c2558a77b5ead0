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

/**
 * In-flight limits of this instance, the heart of merchant isolation.
 * <ul>
 *   <li>Each merchant holds at most a few slots, so one merchant can never use more than its share.</li>
 *   <li>Merchants whose last attempt failed ("suspect") run in a separate, smaller lane with one slot each:
 *   thousands of dead endpoints, each hanging 10 s, fill only the suspect lane, never the healthy one.</li>
 *   <li>A merchant with no free slot is left out of the scan, so its backlog waits in the database,
 *   not in memory and not in front of other merchants.</li>
 * </ul>
 * A success moves a merchant back to the healthy lane; a suspect mark with no new failure fades after
 * {@code suspectMemory}, so the map stays bounded.
 */
public class Bulkhead {

    public enum Lane { HEALTHY, SUSPECT }

    /** A held slot; give it back exactly once through {@link #release}. */
    public record Ticket(Lane lane, String mchNo) {
    }

    private final Semaphore healthy;
    private final Semaphore suspect;
    private final int healthyPerMerchant;
    private final int suspectPerMerchant;
    private final Duration suspectMemory;
    private final Clock clock;
    private final Map<String, Integer> inFlightByMerchant = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();

    public Bulkhead(int healthyMax, int healthyPerMerchant, int suspectMax, int suspectPerMerchant,
                    Duration suspectMemory, Clock clock) {
        this.healthy = new Semaphore(healthyMax);
        this.suspect = new Semaphore(suspectMax);
        this.healthyPerMerchant = healthyPerMerchant;
        this.suspectPerMerchant = suspectPerMerchant;
        this.suspectMemory = suspectMemory;
        this.clock = clock;
    }

    public Lane laneOf(String mchNo) {
        Instant failed = lastFailure.get(mchNo);
        if (failed == null) {
            return Lane.HEALTHY;
        }
        if (failed.plus(suspectMemory).isBefore(clock.instant())) {
            lastFailure.remove(mchNo, failed);
            return Lane.HEALTHY;
        }
        return Lane.SUSPECT;
    }

    public int free(Lane lane) {
        return gate(lane).availablePermits();
    }

    /** A slot for one delivery to this merchant in its current lane, if both the lane and the merchant have room. */
    public Optional<Ticket> tryAcquire(String mchNo) {
        Lane lane = laneOf(mchNo);
        int limit = lane == Lane.HEALTHY ? healthyPerMerchant : suspectPerMerchant;
        boolean[] taken = {false};
        // compute() makes check-and-increment atomic per merchant against concurrent releases
        inFlightByMerchant.compute(mchNo, (k, count) -> {
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
            decrement(mchNo);
            return Optional.empty();
        }
        return Optional.of(new Ticket(lane, mchNo));
    }

    public void release(Ticket ticket) {
        gate(ticket.lane()).release();
        decrement(ticket.mchNo());
    }

    private void decrement(String mchNo) {
        inFlightByMerchant.computeIfPresent(mchNo, (k, count) -> count <= 1 ? null : count - 1);
    }

    public void recordSuccess(String mchNo) {
        lastFailure.remove(mchNo);
    }

    public void recordFailure(String mchNo) {
        lastFailure.put(mchNo, clock.instant());
    }

    /** Merchants whose slots in their lane are all taken: the scan leaves them out. */
    public Set<String> saturated() {
        Set<String> result = new HashSet<>();
        inFlightByMerchant.forEach((mchNo, count) -> {
            int limit = laneOf(mchNo) == Lane.HEALTHY ? healthyPerMerchant : suspectPerMerchant;
            if (count >= limit) {
                result.add(mchNo);
            }
        });
        return result;
    }

    /** Merchants currently in the suspect lane (expired marks are dropped on the way). */
    public Set<String> suspects() {
        Set<String> result = new HashSet<>();
        for (String mchNo : lastFailure.keySet()) {
            if (laneOf(mchNo) == Lane.SUSPECT) {
                result.add(mchNo);
            }
        }
        return result;
    }

    public int inFlight() {
        return inFlightByMerchant.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Semaphore gate(Lane lane) {
        return lane == Lane.HEALTHY ? healthy : suspect;
    }
}
