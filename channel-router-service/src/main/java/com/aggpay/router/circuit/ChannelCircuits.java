package com.aggpay.router.circuit;

import com.aggpay.router.SharedStateFailures;
import com.aggpay.router.channel.TradeOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One resilience4j circuit breaker per channel instance. What counts against a channel: outcomes that say the
 * channel itself is unwell (unknown outcomes — timeouts, 5xx, bad signatures — and connection failures) and slow
 * calls; a business refusal such as PARAM_ERROR says nothing about the channel's health. An open circuit is a
 * definite rejection (next candidate at once); after the wait, half-open probes bring a recovered channel back.
 *
 * <p>Replicas share open circuits ({@link SharedCircuits}): a breaker that opens says so in Redis for its wait in
 * open, and every other replica, reading Redis every {@code refresh-period} in the background, forces its own breaker
 * for that channel open until then, then lets half-open probes through as after its own wait. An operator's reset on
 * any replica resets every replica's breaker. Trades never wait on Redis; while it is away each replica's breakers
 * judge on its own calls alone (and a forced-open breaker still turns half-open when its time is up).
 */
@Component
public class ChannelCircuits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelCircuits.class);
    private final CircuitBreakerRegistry registry;
    private final Duration waitInOpen;
    private final Duration refreshPeriod;
    private final SharedCircuits shared; // null: this instance alone
    private final SharedStateFailures failures;
    private final String replica = UUID.randomUUID().toString().substring(0, 8);
    /** Breakers forced open because another replica's is open, until when ({@link #monotonicMillis}). */
    private final ConcurrentMap<String, Long> forcedUntil = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> resetsSeen = new ConcurrentHashMap<>();
    /** A reset and the application of what Redis says never interleave (a reset would come undone). */
    private final Object applying = new Object();
    private ScheduledExecutorService scheduler;

    /** Breakers of this instance alone. */
    public ChannelCircuits(MeterRegistry meters, Duration waitInOpen, Duration slowCall) {
        this(meters, waitInOpen, slowCall, Duration.ofMillis(500), null);
    }

    @Autowired
    public ChannelCircuits(MeterRegistry meters,
                           @Value("${aggpay.router.circuit.wait-in-open:20s}") Duration waitInOpen,
                           @Value("${aggpay.router.circuit.slow-call:2s}") Duration slowCall,
                           @Value("${aggpay.router.circuit.refresh-period:500ms}") Duration refreshPeriod,
                           SharedCircuits shared) {
        this.waitInOpen = waitInOpen;
        this.refreshPeriod = refreshPeriod;
        this.shared = shared;
        this.failures = new SharedStateFailures(meters, "circuits");
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                // the last 10 s, not the last N calls: a channel that breaks after a long good run must open within
                // seconds, not after half of a long history has turned bad
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(slowCall)
                .slowCallRateThreshold(50)
                .waitDurationInOpenState(waitInOpen)
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        // FORCED_OPEN (another replica's circuit) is not published back: only a breaker's own opening is
        registry.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(e -> {
                    if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        publishOpen(e.getCircuitBreakerName());
                    }
                }));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /** Starts reading the shared circuits, on a thread of its own so that a slow Redis delays nothing else. */
    @PostConstruct
    public synchronized void start() {
        if (shared == null || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "router-circuit-replicas");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sync, 0, refreshPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            scheduler = null;
        }
    }

    /** False while the channel's circuit is open (or its half-open probes are taken). */
    public boolean tryAcquire(String channel) {
        return breaker(channel).tryAcquirePermission();
    }

    /**
     * True while the channel's circuit refuses every call (open or forced open). Only reads the state: a half-open
     * circuit's probes are left for the trades that will prove the channel, not taken by looking.
     */
    public boolean isOpen(String channel) {
        CircuitBreaker.State state = breaker(channel).getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    public void record(String channel, TradeOutcome outcome, long latencyMs) {
        CircuitBreaker cb = breaker(channel);
        if (countsAgainstChannel(outcome)) {
            cb.onError(latencyMs, TimeUnit.MILLISECONDS, new ChannelUnwell(outcome));
        } else {
            cb.onSuccess(latencyMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The permission taken by {@link #tryAcquire} was not used (e.g. the quota refused the trade). */
    public void release(String channel) {
        breaker(channel).releasePermission();
    }

    /** Back to closed with an empty window, on every replica (operators after a fix; tests between scenarios). */
    public void reset(String channel) {
        synchronized (applying) {
            breaker(channel).reset();
            forcedUntil.remove(channel);
            if (shared == null) {
                return;
            }
            try {
                resetsSeen.put(channel, shared.reset(channel, waitInOpen));
                failures.succeeded();
            } catch (RuntimeException e) {
                failures.failed("reset", e);
            }
        }
    }

    public CircuitBreaker.State state(String channel) {
        return breaker(channel).getState();
    }

    static boolean countsAgainstChannel(TradeOutcome outcome) {
        if (outcome instanceof TradeOutcome.Unknown) {
            return true;
        }
        return outcome instanceof TradeOutcome.Rejected r && "CONNECT_FAILED".equals(r.channelCode());
    }

    private CircuitBreaker breaker(String channel) {
        return registry.circuitBreaker(channel);
    }

    /** Runs on the trade's thread as its call opens the breaker: hands the write to the background thread. */
    private void publishOpen(String channel) {
        ScheduledExecutorService background = scheduler;
        if (background == null) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    shared.opened(channel, replica, waitInOpen);
                    failures.succeeded();
                } catch (RuntimeException e) {
                    failures.failed("publish", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // shutting down: the other replicas' breakers judge on their own calls
        }
    }

    /** Applies what Redis says to this replica's breakers; with Redis away, only lets forced-open ones run out. */
    void sync() {
        synchronized (applying) {
            try {
                applyShared();
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again
                log.error("could not apply the shared circuit states", e);
            }
        }
    }

    private void applyShared() {
        Map<String, SharedCircuits.Shared> now;
        try {
            now = shared.read();
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.failed("refresh", e);
            now = null;
        }
        long at = monotonicMillis();
        for (Map.Entry<String, Long> forced : forcedUntil.entrySet()) {
            SharedCircuits.Shared s = now == null ? null : now.get(forced.getKey());
            boolean stillOpen = now == null ? at < forced.getValue() : openedElsewhere(s);
            if (!stillOpen) {
                forcedUntil.remove(forced.getKey());
                CircuitBreaker cb = breaker(forced.getKey());
                if (cb.getState() == CircuitBreaker.State.FORCED_OPEN) {
                    cb.transitionToHalfOpenState();
                }
            }
        }
        if (now != null) {
            now.forEach((channel, s) -> apply(channel, s, at));
        }
    }

    private void apply(String channel, SharedCircuits.Shared s, long at) {
        CircuitBreaker cb = breaker(channel);
        if (s.resets() > resetsSeen.getOrDefault(channel, 0L)) {
            cb.reset();
            forcedUntil.remove(channel);
        }
        resetsSeen.put(channel, s.resets());
        if (openedElsewhere(s)) {
            CircuitBreaker.State state = cb.getState();
            if (state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN) {
                cb.transitionToForcedOpenState();
            }
            if (cb.getState() == CircuitBreaker.State.FORCED_OPEN) {
                forcedUntil.put(channel, at + s.openMs());
            }
        }
    }

    private boolean openedElsewhere(SharedCircuits.Shared s) {
        return s != null && s.openedBy() != null && !s.openedBy().equals(replica);
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    /** Marks a recorded failure; never thrown. */
    static final class ChannelUnwell extends RuntimeException {
        ChannelUnwell(TradeOutcome outcome) {
            super(outcome.toString(), null, false, false);
        }
    }
}
