package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.event.EventType;
import com.aggpay.contracts.event.PaymentEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published events are the contract's {@link PaymentEvent}, byte for byte as Jackson writes the record (which is
 * how order-service's outbox writes them): read strictly (an unknown field fails), written back unchanged.
 */
class PaymentEventFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void an_event_reads_as_the_contract_record_and_writes_back_to_the_same_bytes() {
        OffsetDateTime paidAt = OffsetDateTime.of(2026, 12, 5, 9, 40, 1, 123_456_000, ZoneOffset.UTC);
        String json = new PaymentEventFormat("M10001", "demo-app").json("evt_benchx1", "http://127.0.0.1:4001/webhooks",
                "po_benchx1", "WbenchxN1", paidAt);

        PaymentEvent event = JSON.readValue(json, PaymentEvent.class);

        assertThat(event.eventId()).isEqualTo("evt_benchx1");
        assertThat(event.eventType()).isEqualTo(EventType.PaymentSucceeded);
        assertThat(event.occurredAt()).isEqualTo("2026-12-05T09:40:01.123456Z");
        assertThat(event.mchNo()).isEqualTo("M10001");
        assertThat(event.appId()).isEqualTo("demo-app");
        assertThat(event.notifyUrl()).isEqualTo("http://127.0.0.1:4001/webhooks");
        assertThat(event.payOrderId()).isEqualTo("po_benchx1");
        assertThat(event.orderSeq()).isEqualTo(1);
        assertThat(event.data()).containsEntry("pay_order_id", "po_benchx1").containsEntry("state", "SUCCESS")
                .containsEntry("mch_order_no", "WbenchxN1").containsEntry("paid_at", "2026-12-05T17:40:01.123456+08:00")
                .containsEntry("metadata", null);
        assertThat(JSON.writeValueAsString(event)).isEqualTo(json);
    }
}
