package com.aggpay.notify.api;

import com.aggpay.notify.delivery.DeliveryEngine;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API (behind the gateway, which authorises operators and scopes merchants to their own apps):
 * delivery log, recent events and manual resend.
 */
@RestController
@RequestMapping("/internal/events")
class EventController {

    private static final Logger log = LoggerFactory.getLogger(EventController.class);
    private static final int MAX_PAGE_SIZE = 100;

    private final WebhookEvents events;
    private final ObjectProvider<DeliveryEngine> engine;
    private final Clock clock;

    EventController(WebhookEvents events, ObjectProvider<DeliveryEngine> engine, Clock clock) {
        this.events = events;
        this.engine = engine;
        this.clock = clock;
    }

    @GetMapping("/{event_id}")
    EventView get(@PathVariable("event_id") String eventId) {
        WebhookEventRow event = events.find(eventId).orElseThrow(() -> unknown(eventId));
        return EventView.of(event, events.attemptsOf(eventId));
    }

    /**
     * A new delivery run, allowed in any state (also after DELIVERED: the merchant may have lost it), started by
     * this instance's next scan, which the resend asks for at once.
     */
    @PostMapping("/{event_id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventView resend(@PathVariable("event_id") String eventId) {
        if (!events.resend(eventId, clock.instant())) {
            throw unknown(eventId);
        }
        engine.ifAvailable(DeliveryEngine::scanSoon);
        log.info("event=WEBHOOK_RESEND_REQUESTED event_id={}", eventId);
        return get(eventId);
    }

    @GetMapping
    Page recent(@RequestParam(name = "app_id", required = false) String appId,
                @RequestParam(name = "mch_no", required = false) String mchNo,
                @RequestParam(name = "page", defaultValue = "1") int page,
                @RequestParam(name = "size", defaultValue = "20") int size) {
        if (appId == null && mchNo == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "app_id", "app_id or mch_no is required");
        }
        if (page < 1) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "page", "page starts at 1");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "size", "size must be 1.." + MAX_PAGE_SIZE);
        }
        List<EventView> items = events.recent(appId, mchNo, size, (page - 1) * size).stream()
                .map(e -> EventView.of(e, null))
                .toList();
        return new Page(items, page, size);
    }

    record Page(List<EventView> items, int page, int size) {
    }

    static ApiException unknown(String eventId) {
        return new ApiException(ErrorCode.EVENT_UNKNOWN, "event_id", "No webhook event " + eventId);
    }
}
