package com.aggpay.merchant.portal.reads;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * notify-service's test send, a client of its own because it waits for the merchant's endpoint: its read timeout
 * ({@code spring.cloud.openfeign.client.config.portalWebhookTestClient}) covers one whole delivery attempt, which
 * the portal's other reads must not wait for.
 */
@FeignClient(name = "notify-service", contextId = "portalWebhookTestClient", path = "/internal/portal/webhooks")
interface PortalWebhookTestClient {

    /**
     * {@code {"mch_no","app_id","url"}}: one signed {@code webhook.test} event sent at once; 200
     * {@code {"delivered","http_status","latency_ms","error","response_excerpt","event_id"}} whether or not the
     * endpoint took it.
     */
    @PostMapping("/test")
    JsonNode test(@RequestBody Map<String, String> body);
}
