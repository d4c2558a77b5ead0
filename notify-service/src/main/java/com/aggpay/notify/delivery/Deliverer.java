package com.aggpay.notify.delivery;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.notify.domain.AttemptResult;
import com.aggpay.notify.domain.NextStep;
import com.aggpay.notify.domain.RetrySchedule;
import com.aggpay.notify.merchant.AppInfo;
import com.aggpay.notify.merchant.AppLookup;
import com.aggpay.notify.merchant.MerchantDirectory;
import com.aggpay.notify.store.DeliveryAttemptRow;
import com.aggpay.notify.store.FinishedAttempt;
import com.aggpay.notify.store.WebhookEndpointRow;
import com.aggpay.notify.store.WebhookEventRow;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One attempt for one claimed event: look up the app, check the merchant's endpoint is not disabled, guard the URL,
 * send, count the outcome into the endpoint's streak ({@link EndpointRegistry}), then hand the result and the next
 * step to the {@link AttemptRecorder}. Blocking steps (merchant-service, DNS, the endpoint's state) run on the given
 * executor, never on the HTTP client's threads, and the HTTP wait itself holds no thread.
 *
 * <p>Each attempt is a span continuing the trace the event arrived with (its Kafka message's {@code traceparent}), so
 * the attempt's log lines carry the trace id of the payment or callback that caused the webhook. The trace context is
 * not sent to the merchant.
 */
public class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    /** Column width of the URL in delivery_attempt and webhook_endpoint; longer URLs are not tracked per endpoint. */
    private static final int MAX_TRACKED_URL = 1024;

    private final MerchantDirectory directory;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final AttemptRecorder recorder;
    private final DeliveryMetrics metrics;
    private final Bulkhead bulkhead;
    private final EndpointRegistry endpoints;
    private final RetrySchedule schedule;
    private final Duration postponeDelay;
    private final DoubleSupplier jitter;
    private final OrderGate orderGate;
    private final Clock clock;
    private final TraceContexts traces;

    /** @param jitter uniform random numbers in [0, 1) for the schedule's jitter */
    public Deliverer(MerchantDirectory directory, TargetGuard guard, WebhookSender sender, AttemptRecorder recorder,
                     DeliveryMetrics metrics, Bulkhead bulkhead, EndpointRegistry endpoints, RetrySchedule schedule,
                     Duration postponeDelay, DoubleSupplier jitter, OrderGate orderGate, Clock clock,
                     TraceContexts traces) {
        this.directory = directory;
        this.guard = guard;
        this.sender = sender;
        this.recorder = recorder;
        this.metrics = metrics;
        this.bulkhead = bulkhead;
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.postponeDelay = postponeDelay;
        this.jitter = jitter;
        this.orderGate = orderGate;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * An attempt under way. {@code answered} completes when the endpoint is done with it (it answered, the request
     * failed, or nothing was sent); {@code stored} once its outcome is stored (exceptionally if it could not be), with
     * the time the event is due again when it stays pending.
     */
    public record Attempt(CompletableFuture<Void> answered, CompletableFuture<Optional<Instant>> stored) {
    }

    public Attempt deliver(WebhookEventRow event, String leaseOwner, Executor prepareExecutor) {
        Instant[] started = new Instant[1];
        Prepared[] target = new Prepared[1];
        Span span = traces.startContinuing(event.traceparent, "webhook attempt", Span.Kind.CLIENT);
        CompletableFuture<AttemptResult> result = CompletableFuture
                .supplyAsync(() -> inContext(event, span, () -> prepare(event)), prepareExecutor)
                .thenCompose(prepared -> {
                    started[0] = clock.instant();
                    target[0] = prepared;
                    return prepared.result != null ? CompletableFuture.completedFuture(prepared.result)
                            : sender.send(prepared.target, event.eventId, event.body, prepared.secret)
                                    .thenApply(r -> logIfForbidden(event, prepared.url, r));
                })
                .exceptionally(error -> {
                    log.error("event=WEBHOOK_ATTEMPT_CRASHED event_id={}", event.eventId, error);
                    return new AttemptResult.Unreachable("INTERNAL_ERROR");
                });
        // recording may read and write the endpoint's state: a prepare thread, never an HTTP client thread
        CompletableFuture<Optional<Instant>> stored = result.thenComposeAsync(r -> inContext(event, span,
                () -> record(event, leaseOwner, r, target[0], started[0] == null ? clock.instant() : started[0],
                        span)), prepareExecutor);
        stored.whenComplete((dueAgain, error) -> span.end());
        return new Attempt(result.thenAccept(r -> { }), stored);
    }

    /**
     * What to send where, or the result that makes sending pointless; {@code endpoint}: the merchant's endpoint of
     * the URL, null when there is none (no URL) or its state could not be read.
     */
    private record Prepared(URI target, String url, String secret, WebhookEndpointRow endpoint,
                            AttemptResult result) {
        static Prepared stop(String url, AttemptResult result) {
            return stop(url, null, result);
        }

        static Prepared stop(String url, WebhookEndpointRow endpoint, AttemptResult result) {
            return new Prepared(null, url, null, endpoint, result);
        }
    }

    private Prepared prepare(WebhookEventRow event) {
        Optional<Instant> earlierFirst;
        try {
            earlierFirst = orderGate.waitUntil(event);
        } catch (RuntimeException e) {
            log.warn("event=WEBHOOK_ORDER_STATE_UNAVAILABLE event_id={} error={}", event.eventId, e.toString());
            return Prepared.stop(event.notifyUrl, new AttemptResult.Postponed("ORDER_STATE_UNAVAILABLE"));
        }
        if (earlierFirst.isPresent()) {
            return Prepared.stop(event.notifyUrl, new AttemptResult.Postponed("AWAITING_EARLIER_EVENT",
                    earlierFirst.get()));
        }
        AppLookup lookup = directory.find(event.appId);
        if (lookup instanceof AppLookup.Unavailable unavailable) {
            return Prepared.stop(event.notifyUrl, new AttemptResult.Postponed(unavailable.error()));
        }
        if (lookup instanceof AppLookup.Unknown) {
            return Prepared.stop(event.notifyUrl, new AttemptResult.Misconfigured("APP_UNKNOWN"));
        }
        AppInfo app = ((AppLookup.Found) lookup).app();
        String url = event.notifyUrl != null ? event.notifyUrl : app.webhookUrl();
        if (url == null || url.isBlank()) {
            return Prepared.stop(null, new AttemptResult.Misconfigured("NOTIFY_URL_MISSING"));
        }
        if (app.webhookSecret() == null || app.webhookSecret().isBlank()) {
            return Prepared.stop(url, new AttemptResult.Misconfigured("WEBHOOK_SECRET_MISSING"));
        }
        WebhookEndpointRow endpoint = null;
        if (url.length() <= MAX_TRACKED_URL) {
            try {
                endpoint = endpoints.current(event.mchNo, url);
            } catch (RuntimeException e) {
                log.warn("event=WEBHOOK_ENDPOINT_STATE_UNAVAILABLE event_id={} error={}", event.eventId, e.toString());
                return Prepared.stop(url, new AttemptResult.Postponed("ENDPOINT_STATE_UNAVAILABLE"));
            }
            if (endpoint.disabled()) {
                return Prepared.stop(url, endpoint, new AttemptResult.Held("ENDPOINT_DISABLED"));
            }
        }
        TargetGuard.Verdict verdict = guard.check(url);
        if (verdict instanceof TargetGuard.Verdict.Forbidden forbidden) {
            return Prepared.stop(url, endpoint,
                    logIfForbidden(event, url, new AttemptResult.Forbidden(forbidden.reason())));
        }
        // a host name is resolved and its addresses checked by the guard when the client connects
        return new Prepared(((TargetGuard.Verdict.Allowed) verdict).uri(), url, app.webhookSecret(), endpoint, null);
    }

    private static AttemptResult logIfForbidden(WebhookEventRow event, String url, AttemptResult result) {
        if (result instanceof AttemptResult.Forbidden forbidden) {
            // host only: a merchant's URL may carry a token in its path or query
            security.warn("event=NOTIFY_URL_FORBIDDEN event_id={} mch_no={} app_id={} reason={} host={}",
                    event.eventId, event.mchNo, event.appId, forbidden.reason(), hostOf(url));
        }
        return result;
    }

    private CompletableFuture<Optional<Instant>> record(WebhookEventRow event, String leaseOwner,
                                                        AttemptResult result, Prepared target, Instant started,
                                                        Span span) {
        Instant now = clock.instant();
        span.tag("outcome", result.outcome());
        Duration took = Duration.between(started, now);
        if (result.endpointFailed()) {
            bulkhead.recordFailure(event.endpoint);
        } else if (result instanceof AttemptResult.Delivered) {
            bulkhead.recordSuccess(event.endpoint);
            if (event.deliveredAt == null) { // the first success, not a resend of a delivered event
                metrics.firstDelivery(Duration.between(event.createdAt, now));
            }
        }
        boolean sent = result.endpointFailed() || result instanceof AttemptResult.Delivered;
        metrics.attempt(result.outcome(), sent ? took : null);
        WebhookEndpointRow endpoint = target == null ? null : target.endpoint;
        boolean disabled = endpoint != null && endpointDisabledAfter(endpoint, result);
        NextStep next = NextStep.after(result, event.runFailures, schedule, now, postponeDelay, jitter, disabled);
        DeliveryAttemptRow attempt = result instanceof AttemptResult.Held ? null
                : attemptRow(event, result, target == null ? null : target.url, endpoint, started, took);
        FinishedAttempt finished = finished(event, leaseOwner, next, attempt, endpoint, now);
        return recorder.record(finished).thenApply(stored -> inContext(event, span, () -> {
            if (stored) {
                log.info("event=WEBHOOK_ATTEMPT event_id={} mch_no={} attempt_no={} outcome={} status={} "
                                + "duration_ms={} next={}", event.eventId, event.mchNo, event.attemptCount + 1,
                        result.outcome(), httpStatus(result), took.toMillis(), next.getClass().getSimpleName());
                return next.dueAgainAt();
            }
            // Our lease ran out and another instance took the event over: its attempt is the one on record.
            log.warn("event=WEBHOOK_LEASE_LOST event_id={} outcome={}", event.eventId, result.outcome());
            return Optional.empty();
        }));
    }

    /** Counts the outcome into the endpoint's streak; whether the endpoint is disabled now. */
    private boolean endpointDisabledAfter(WebhookEndpointRow endpoint, AttemptResult result) {
        if (result instanceof AttemptResult.Held) {
            return true;
        }
        try {
            return endpoints.afterAttempt(endpoint, result);
        } catch (RuntimeException e) {
            // the endpoint's state is bookkeeping: the event's own outcome is stored all the same
            log.warn("event=WEBHOOK_ENDPOINT_STATE_NOT_RECORDED endpoint_id={} error={}", endpoint.id, e.toString());
            return false;
        }
    }

    private static FinishedAttempt finished(WebhookEventRow event, String leaseOwner, NextStep next,
                                            DeliveryAttemptRow attempt, WebhookEndpointRow endpoint, Instant now) {
        if (next instanceof NextStep.Hold hold) {
            return FinishedAttempt.held(event.eventId, leaseOwner, endpoint.id, hold.error(), attempt, now);
        }
        if (next instanceof NextStep.MarkDelivered) {
            return FinishedAttempt.delivered(event.eventId, leaseOwner, attempt);
        }
        if (next instanceof NextStep.RetryAt retry) {
            return FinishedAttempt.retryAt(event.eventId, leaseOwner, retry.at(), retry.error(), attempt);
        }
        if (next instanceof NextStep.Postpone postpone) {
            return FinishedAttempt.postponed(event.eventId, leaseOwner, postpone.at(), postpone.error());
        }
        return FinishedAttempt.gaveUp(event.eventId, leaseOwner, ((NextStep.GiveUp) next).error(), attempt);
    }

    /** The delivery log's row of one attempt (the event's attempt number {@code attemptCount + 1}). */
    static DeliveryAttemptRow attemptRow(WebhookEventRow event, AttemptResult result, String url,
                                         WebhookEndpointRow endpoint, Instant started, Duration took) {
        DeliveryAttemptRow row = new DeliveryAttemptRow();
        row.eventId = event.eventId;
        row.attemptNo = event.attemptCount + 1;
        row.url = url == null || url.length() <= MAX_TRACKED_URL ? url : url.substring(0, MAX_TRACKED_URL);
        row.webhookEndpointId = endpoint == null ? null : endpoint.id;
        row.startedAt = started;
        row.durationMs = took.toMillis();
        row.httpStatus = httpStatus(result);
        row.outcome = result.outcome();
        row.error = error(result);
        row.responseExcerpt = answer(result);
        return row;
    }

    private static String answer(AttemptResult result) {
        if (result instanceof AttemptResult.Delivered d) {
            return d.answer();
        }
        return result instanceof AttemptResult.Rejected r ? r.answer() : null;
    }

    private static Integer httpStatus(AttemptResult result) {
        if (result instanceof AttemptResult.Delivered d) {
            return d.httpStatus();
        }
        return result instanceof AttemptResult.Rejected r ? r.httpStatus() : null;
    }

    private static String error(AttemptResult result) {
        if (result instanceof AttemptResult.Rejected r) {
            return "HTTP_" + r.httpStatus();
        }
        if (result instanceof AttemptResult.Unreachable u) {
            return u.error();
        }
        if (result instanceof AttemptResult.Forbidden f) {
            return "NOTIFY_URL_FORBIDDEN " + f.reason();
        }
        return result instanceof AttemptResult.Misconfigured m ? m.error() : null;
    }

    static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "(unparseable)";
        }
    }

    /**
     * The event's own request id in the MDC and the attempt's span in scope, so its delivery logs join the payment's
     * trail whichever thread a step runs on.
     */
    private <T> T inContext(WebhookEventRow event, Span span, java.util.function.Supplier<T> work) {
        if (event.requestId != null) {
            MDC.put(AggpayHeaders.MDC_REQUEST_ID, event.requestId);
        }
        try (Tracer.SpanInScope scope = traces.inScope(span)) {
            return work.get();
        } finally {
            MDC.remove(AggpayHeaders.MDC_REQUEST_ID);
        }
    }
}
