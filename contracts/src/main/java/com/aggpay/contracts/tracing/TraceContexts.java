package com.aggpay.contracts.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context of work that outlives the request that caused it: an outbox row published by a scheduled
 * relay, a webhook attempted after the Kafka batch that brought it was committed. Such work keeps the request's
 * {@code traceparent} as text and later continues the trace from it, so that "callback → order → Kafka → webhook"
 * is one trace id in every service's logs, not a new trace per thread hop.
 */
public class TraceContexts {

    /** The W3C header (and Kafka header) that carries the trace context between services. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public TraceContexts(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** The {@code traceparent} of the span in scope on this thread; null when there is none (tracing off). */
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * A started span that continues the trace of {@code traceparent} (a new trace when it is null or malformed).
     * The caller puts it in scope where work of it runs ({@link #inScope}) and ends it.
     */
    public Span startContinuing(String traceparent, String name, Span.Kind kind) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
        return propagator.extract(carrier, Map::get).name(name).kind(kind).start();
    }

    /** Makes {@code span} current on this thread (log lines carry its ids) until the scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /**
     * An observation, not yet started, whose span continues the trace of {@code traceparent}. Unlike a bare span it
     * becomes the parent of the observations made inside it (a {@code KafkaTemplate} send, a Feign call), which take
     * their parent from the current observation, not from the current span.
     */
    public Observation continuing(String traceparent, String name) {
        ReceiverContext<String> context = new ReceiverContext<>(
                (carrier, key) -> TRACEPARENT.equals(key) && !carrier.isEmpty() ? carrier : null);
        context.setCarrier(traceparent == null ? "" : traceparent);
        return Observation.createNotStarted(name, () -> context, observations);
    }
}
