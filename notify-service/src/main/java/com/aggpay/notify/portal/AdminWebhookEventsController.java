package com.aggpay.notify.portal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator console's webhook list over every merchant (or one), routed by the gateway like the operators'
 * resend; the service-auth filter has already refused a call without a verified operator.
 */
@RestController
class AdminWebhookEventsController {

    private final PortalEventQueries queries;

    AdminWebhookEventsController(PortalEventQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/admin/webhooks/events")
    PortalEventView.Page list(@RequestParam(name = "mch_no", required = false) String mchNo,
                              @RequestParam(name = "state", required = false) String state,
                              @RequestParam(name = "type", required = false) String type,
                              @RequestParam(name = "cursor", required = false) String cursor,
                              @RequestParam(name = "limit", required = false) Integer limit) {
        return queries.page(EventFilter.of(mchNo, false, state, type, limit), EventCursor.decode(cursor));
    }
}
