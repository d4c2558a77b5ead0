package com.aggpay.notify.api;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.notify.delivery.DeliveryEngine;
import com.aggpay.notify.store.OperatorAudit;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Operator API, routed by the gateway (which never routes {@code /internal/**}): resend a webhook event. Same
 * behaviour as {@code POST /internal/events/{event_id}/resend}; every resend is stored in {@code operator_audit}.
 */
@RestController
class AdminEventController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");

    private final WebhookEvents events;
    private final OperatorAudit operatorAudit;
    private final ObjectProvider<DeliveryEngine> engine;
    private final Clock clock;

    AdminEventController(WebhookEvents events, OperatorAudit operatorAudit, ObjectProvider<DeliveryEngine> engine,
                         Clock clock) {
        this.events = events;
        this.operatorAudit = operatorAudit;
        this.engine = engine;
        this.clock = clock;
    }

    /** What the audit keeps of an event: its delivery state, never its body or the merchant's URL. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DeliveryState(String state, int attemptCount, int runFailures, Instant nextAttemptAt, String lastError) {

        static DeliveryState of(WebhookEventRow e) {
            return new DeliveryState(e.state, e.attemptCount, e.runFailures, e.nextAttemptAt, e.lastError);
        }
    }

    /** A new delivery run, as {@link EventController#resend}. */
    @PostMapping("/api/admin/webhooks/events/{event_id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventView resend(@RequestHeader(AggpayHeaders.OPERATOR) String operator,
                     @PathVariable("event_id") String eventId) {
        WebhookEventRow before = events.find(eventId).orElseThrow(() -> EventController.unknown(eventId));
        Instant now = clock.instant();
        if (!events.resend(eventId, now)) {
            throw EventController.unknown(eventId);
        }
        WebhookEventRow after = events.find(eventId).orElseThrow(() -> EventController.unknown(eventId));
        operatorAudit.record(now, operator, "WEBHOOK_RESEND", eventId, DeliveryState.of(before),
                DeliveryState.of(after));
        engine.ifAvailable(DeliveryEngine::scanSoon);
        audit.info("event=WEBHOOK_RESEND_REQUESTED operator={} event_id={}", operator, eventId);
        return EventView.of(after, events.attemptsOf(eventId));
    }
}
