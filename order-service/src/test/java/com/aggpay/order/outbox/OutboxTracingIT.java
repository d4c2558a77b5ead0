package com.aggpay.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.service.testing.KafkaForTests;
import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.order.close.CloseITSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The trace of the request that changed an order travels with the event that announces it: stored with the outbox
 * row, then, when the relay publishes the row seconds later from its own scheduled round, sent as the Kafka message's
 * {@code traceparent}, so notify-service continues the very trace of the channel's callback.
 */
class OutboxTracingIT extends CloseITSupport {

    @Value("${aggpay.topic-prefix}")
    private String topicPrefix;

    @Test
    void a_callback_in_a_trace_has_its_payment_event_published_in_that_trace() throws Exception {
        JsonNode order = aPayingOrder(2400);
        String payOrderId = order.get("pay_order_id").asString();
        String traceId = hex(16);
        String callerSpanId = hex(8);

        int status = mvc.perform(post("/internal/trades/" + outTradeNo(order) + "/payment").with(asService("channel-router-service", "order-service"))
                .header(TraceContexts.TRACEPARENT, "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"alipay-a\",\"channel_trade_no\":\""
                        + "2026112622001" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                        + "\",\"account_id\":\"2021000000000001\",\"amount\":2400,\"currency\":\"CNY\","
                        + "\"paid_at\":\"2026-11-26T10:00:00+08:00\"}"))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(200);
        String stored = jdbc.queryForObject("SELECT traceparent FROM outbox_event WHERE event_type = "
                + "'PaymentSucceeded' AND payload LIKE ?", String.class, "%" + payOrderId + "%");
        assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String published = publishedTraceparent(payOrderId);
        assertThat(published).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        // the relay's producer span, a child within the trace: neither the caller's span nor the callback's
        assertThat(spanId(published)).isNotIn(callerSpanId, spanId(stored));
    }

    @Test
    void a_callback_without_a_trace_starts_one_that_its_payment_event_carries() throws Exception {
        JsonNode order = aPayingOrder(2500);
        String payOrderId = order.get("pay_order_id").asString();

        assertThat(callback(order, 2500).getResponse().getStatus()).isEqualTo(200);

        String stored = jdbc.queryForObject("SELECT traceparent FROM outbox_event WHERE event_type = "
                + "'PaymentSucceeded' AND payload LIKE ?", String.class, "%" + payOrderId + "%");
        assertThat(stored).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(publishedTraceparent(payOrderId)).startsWith("00-" + stored.split("-")[1] + "-");
    }

    /** The traceparent header of the PaymentSucceeded message about the order, as notify-service receives it. */
    private String publishedTraceparent(String payOrderId) {
        Properties p = KafkaForTests.clientProperties();
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        AtomicReference<String> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(PaymentEvent.topic(topicPrefix)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().contains(payOrderId) && r.value().contains("PaymentSucceeded")) {
                        Header header = r.headers().lastHeader(TraceContexts.TRACEPARENT);
                        found.set(header == null ? "" : new String(header.value(), StandardCharsets.US_ASCII));
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
