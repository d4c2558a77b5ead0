package com.aggpay.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment event arrives in the trace of the request that caused it (its Kafka message's {@code traceparent}, set by
 * order-service's outbox relay); its webhook attempt continues that trace, so the attempt's log line carries the same
 * trace id as the payment's lines in the other services; its lookup of the app at merchant-service carries the trace
 * on. The merchant is sent no trace context.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContinuationIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MerchantEndpoint endpoint = new MerchantEndpoint();

    @AfterEach
    void closeEndpoint() {
        endpoint.close();
    }

    @Test
    void the_webhook_attempt_logs_the_trace_id_its_event_arrived_with(CapturedOutput output) throws Exception {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "trace-secret", endpoint.url());
        PaymentEvent event = aPaymentSucceeded(mchNo, appId, null);
        String traceId = hex(16);
        String producerSpanId = hex(8);

        publishInTrace(event, "00-" + traceId + "-" + producerSpanId + "-01");

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptLine(output, event.eventId()) != null);
        assertThat(attemptLine(output, event.eventId())).contains(traceId).doesNotContain(producerSpanId);
        // the attempt's call to merchant-service (Feign) is part of the trace, the merchant's endpoint is not
        assertThat(MERCHANT_SERVICE.lastLookupTraceparent(appId)).startsWith("00-" + traceId + "-");
        assertThat(endpoint.received()).singleElement()
                .satisfies(r -> assertThat(r.header(TraceContexts.TRACEPARENT)).isNull());
    }

    @Test
    void a_retry_found_by_a_later_scan_continues_the_same_trace(CapturedOutput output) throws Exception {
        endpoint.answering(500);
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "retry-trace-secret", endpoint.url()), null);
        String traceId = hex(16);

        publishInTrace(event, "00-" + traceId + "-" + hex(8) + "-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptLines(output, event.eventId()).size() == 2);
        assertThat(attemptLines(output, event.eventId())).as("the failed attempt and the retry")
                .allSatisfy(line -> assertThat(line).contains("\"trace.id\":\"" + traceId + "\""));
        // kept with the event, for a retry by another instance or after a restart too
        assertThat(jdbc.queryForObject("SELECT traceparent FROM webhook_event WHERE event_id = ?", String.class,
                event.eventId())).startsWith("00-" + traceId + "-");
    }

    @Test
    void an_event_without_a_trace_gets_a_trace_of_its_own(CapturedOutput output) {
        String mchNo = aMerchantNo();
        PaymentEvent event = aPaymentSucceeded(mchNo, aMerchantApp(mchNo, "untraced-secret", endpoint.url()), null);

        publish(event);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(eventState(event.eventId())));
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptLine(output, event.eventId()) != null);
        assertThat(attemptLine(output, event.eventId())).containsPattern("\"trace\\.id\":\"[0-9a-f]{32}\"");
    }

    /** As order-service's outbox relay sends it: the event in the trace of the request that caused it. */
    private void publishInTrace(PaymentEvent event, String traceparent) throws Exception {
        ProducerRecord<String, String> message = new ProducerRecord<>(TOPIC, event.mchNo(),
                JSON.writeValueAsString(event));
        message.headers().add(TraceContexts.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        kafka.send(message).get(10, TimeUnit.SECONDS);
    }

    private static String attemptLine(CapturedOutput output, String eventId) {
        return attemptLines(output, eventId).stream().findFirst().orElse(null);
    }

    private static List<String> attemptLines(CapturedOutput output, String eventId) {
        return output.getOut().lines().filter(l -> l.contains("WEBHOOK_ATTEMPT ") && l.contains(eventId)).toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
