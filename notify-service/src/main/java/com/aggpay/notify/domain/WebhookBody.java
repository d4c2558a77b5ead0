package com.aggpay.notify.domain;

import com.aggpay.contracts.event.PaymentEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook JSON of API.md, built once per event and stored: every attempt then sends the same bytes,
 * which is what lets a merchant verify and dedupe retries.
 */
public final class WebhookBody {

    // Own mapper, not the application's: the wire format must not change with a global Jackson setting.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String TEST_TYPE = "webhook.test";

    private WebhookBody() {
    }

    public static String of(PaymentEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.eventId());
        body.put("type", event.eventType().webhookType());
        body.put("created_at", event.occurredAt());
        body.put("data", event.data());
        return JSON.writeValueAsString(body);
    }

    /** The body of a {@code webhook.test} event: the usual envelope, so a merchant's handler sees the real shape. */
    public static String test(String eventId, String createdAt, String appId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("app_id", appId);
        data.put("message", "A test webhook from AggPay: your endpoint received and can verify it.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", TEST_TYPE);
        body.put("created_at", createdAt);
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }
}
