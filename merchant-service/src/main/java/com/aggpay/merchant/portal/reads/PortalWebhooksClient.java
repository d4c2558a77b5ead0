package com.aggpay.merchant.portal.reads;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** notify-service's portal endpoints ({@code /internal/portal/webhooks/**}, allowed for merchant-service only). */
@FeignClient(name = "notify-service", contextId = "portalWebhooksClient", path = "/internal/portal/webhooks")
interface PortalWebhooksClient {

    @GetMapping("/events")
    PortalPage events(@RequestParam Map<String, String> query);

    /** 202 with the event, its new delivery run started. */
    @PostMapping("/events/{event_id}/resend")
    JsonNode resend(@PathVariable("event_id") String eventId, @RequestParam("mch_no") String mchNo);

    /** The merchant's webhook endpoints with their state, last errors and pending events (a JSON array). */
    @GetMapping("/endpoints")
    JsonNode endpoints(@RequestParam("mch_no") String mchNo);

    /** {@code {"mch_no","url"}}: 200 with the number of missed events made due again, 404 for no such endpoint. */
    @PostMapping("/endpoints/enable")
    JsonNode enable(@RequestBody Map<String, String> body);
}
