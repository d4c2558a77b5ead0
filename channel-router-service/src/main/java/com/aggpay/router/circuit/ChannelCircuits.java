package com.aggpay.router.circuit;

import com.aggpay.router.channel.TradeOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One resilience4j circuit breaker per channel instance. What counts against a channel: outcomes that say the
 * channel itself is unwell (unknown outcomes — timeouts, 5xx, bad signatures — and connection failures) and slow
 * calls; a business refusal such as PARAM_ERROR says nothing about the channel's health. An open circuit is a
 * definite rejection (next candidate at once); after the wait, half-open probes bring a recovered channel back.
 */
@Component
public class ChannelCircuits {

    private final CircuitBreakerRegistry registry;

    public ChannelCircuits(MeterRegistry meters,
                           @Value("${aggpay.router.circuit.wait-in-open:20s}") Duration waitInOpen,
                           @Value("${aggpay.router.circuit.slow-call:2s}") Duration slowCall) {
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
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
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

    /** Back to closed with an empty window (operators after a fix; tests between scenarios). */
    public void reset(String channel) {
        breaker(channel).reset();
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

    /** Marks a recorded failure; never thrown. */
    static final class ChannelUnwell extends RuntimeException {
        ChannelUnwell(TradeOutcome outcome) {
            super(outcome.toString(), null, false, false);
        }
    }
}
