package com.aggpay.notify.portal;

import com.aggpay.notify.api.ApiException;
import com.aggpay.notify.api.ErrorCode;
import com.aggpay.notify.delivery.DeliveryEngine;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant portal's webhook pages, for merchant-service only ({@code aggpay.service-auth.allow}): it
 * authenticated the portal user and names the merchant, and every read or resend here is confined to that
 * {@code mch_no}; another merchant's event is answered as unknown.
 */
@RestController
class PortalWebhookController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");

    private final PortalEventQueries queries;
    private final WebhookEvents events;
    private final ObjectProvider<DeliveryEngine> engine;
    private final Clock clock;

    PortalWebhookController(PortalEventQueries queries, WebhookEvents events, ObjectProvider<DeliveryEngine> engine,
                            Clock clock) {
        this.queries = queries;
        this.events = events;
        this.engine = engine;
        this.clock = clock;
    }

    @GetMapping("/internal/portal/webhooks/events")
    PortalEventView.Page list(@RequestParam(name = "mch_no", required = false) String mchNo,
                              @RequestParam(name = "state", required = false) String state,
                              @RequestParam(name = "type", required = false) String type,
                              @RequestParam(name = "cursor", required = false) String cursor,
                              @RequestParam(name = "limit", required = false) Integer limit) {
        return queries.page(EventFilter.of(mchNo, true, state, type, limit), EventCursor.decode(cursor));
    }

    /**
     * A new delivery run, as the operators' resend starts it (any state, the schedule restarts, this instance scans
     * at once), for the merchant's own event only.
     */
    @PostMapping("/internal/portal/webhooks/events/{event_id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PortalEventView resend(@PathVariable("event_id") String eventId,
                           @RequestParam(name = "mch_no", required = false) String mchNo) {
        String merchant = EventFilter.of(mchNo, true, null, null, null).mchNo();
        if (eventId.length() > 64 || queries.one(eventId, merchant) == null
                || !events.resend(eventId, clock.instant())) {
            throw new ApiException(ErrorCode.EVENT_UNKNOWN, "event_id", "No webhook event " + eventId
                    + " of this merchant.");
        }
        engine.ifAvailable(DeliveryEngine::scanSoon);
        audit.info("event=WEBHOOK_RESEND_REQUESTED by=portal mch_no={} event_id={}", merchant, eventId);
        return queries.one(eventId, merchant);
    }
}
