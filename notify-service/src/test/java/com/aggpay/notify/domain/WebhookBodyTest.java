package com.aggpay.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.event.EventType;
import com.aggpay.contracts.event.PaymentEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    @Test
    void the_body_has_the_documented_shape_with_the_order_object_unchanged() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("pay_order_id", "po_1");
        order.put("amount", 1234);
        order.put("paid_at", null);
        PaymentEvent event = new PaymentEvent("evt_1", EventType.PaymentSucceeded, "2026-11-26T10:00:00+08:00",
                "M10001", "demo-app", null, "req-1", order);

        String body = WebhookBody.of(event);

        assertThat(body).isEqualTo("{\"id\":\"evt_1\",\"type\":\"payment.succeeded\","
                + "\"created_at\":\"2026-11-26T10:00:00+08:00\","
                + "\"data\":{\"pay_order_id\":\"po_1\",\"amount\":1234,\"paid_at\":null}}");
    }

    @Test
    void a_refund_event_gets_its_webhook_type() {
        PaymentEvent event = new PaymentEvent("evt_2", EventType.RefundFailed, "2026-11-26T10:00:00+08:00",
                "M10001", "demo-app", null, null, Map.of("refund_id", "rf_1"));

        assertThat(WebhookBody.of(event)).contains("\"type\":\"refund.failed\"");
    }
}
