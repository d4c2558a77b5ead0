package com.aggpay.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Batches handed to the listener as the Kafka container would, so that what is in one batch is certain. */
class BatchIntakeIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AtomicLong offsets = new AtomicLong();
    private final MerchantEndpoint endpoint = new MerchantEndpoint();
    @Autowired
    private PaymentEventListener listener;

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void repeated_records_within_a_batch_and_across_batches_are_stored_and_delivered_once() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "batch-secret", endpoint.url());
        PaymentEvent a = aPaymentSucceeded(mchNo, appId, null);
        PaymentEvent b = aPaymentSucceeded(mchNo, appId, null);
        PaymentEvent c = aPaymentSucceeded(mchNo, appId, null);

        listener.onBatch(List.of(record(a), record(a), record(b)));
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == 2);
        listener.onBatch(List.of(record(a), record(c), record(b)));

        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(eventState(c.eventId())));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_event WHERE mch_no = ?", Integer.class, mchNo))
                .isEqualTo(3);
        assertThat(endpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactlyInAnyOrder(a.eventId(), b.eventId(), c.eventId());
        assertThat(List.of(a, b, c)).allSatisfy(e -> {
            assertThat(eventState(e.eventId())).isEqualTo("DELIVERED");
            assertThat(attemptCount(e.eventId())).isEqualTo(1);
        });
    }

    @Test
    void a_poison_record_in_a_batch_is_skipped_and_the_rest_of_the_batch_is_delivered() {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "batch-secret", endpoint.url()), null);

        listener.onBatch(List.of(new ConsumerRecord<>(TOPIC, 0, offsets.incrementAndGet(), mchNo, "{not json"),
                record(event)));

        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
    }

    private ConsumerRecord<String, String> record(PaymentEvent event) {
        return new ConsumerRecord<>(TOPIC, 0, offsets.incrementAndGet(), event.mchNo(), JSON.writeValueAsString(event));
    }
}
