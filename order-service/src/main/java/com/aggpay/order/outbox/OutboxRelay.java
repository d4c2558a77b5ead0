package com.aggpay.order.outbox;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.order.OrderProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka (key = mch_no) and marks them sent. At-least-once: a crash between the send and
 * the mark sends the event again, with the same event_id, and consumers dedupe on it. A batch stops at the first
 * failure so that one merchant's events are never published out of order.
 *
 * <p>Each event is sent in the trace of the request that wrote it (its stored {@code traceparent}), not in the trace of
 * this scheduled round: the send's own observation (KafkaTemplate, observation enabled) is a child of it and puts
 * that trace on the message, so notify-service's webhook joins the payment's or callback's trace.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final OutboxEvents events;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final OrderProperties properties;
    private final Clock clock;
    private final TraceContexts traces;
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(OutboxEvents events, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
                       OrderProperties properties, Clock clock, MeterRegistry meters, TraceContexts traces) {
        this.events = events;
        this.kafka = kafka;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
        this.published = meters.counter("aggpay_outbox_published_total");
        this.failed = meters.counter("aggpay_outbox_publish_failures_total");
        Gauge.builder("aggpay_outbox_backlog", events, OutboxEvents::countUnsent)
                .description("outbox events not yet published").register(meters);
    }

    @Scheduled(fixedDelayString = "${aggpay.outbox.poll-interval-ms}")
    public void relay() {
        try {
            while (relayBatch() == properties.outbox().batchSize()) {
                // a full batch: more are probably waiting
            }
        } catch (RuntimeException e) {
            log.warn("outbox relay round failed: {}", e.toString());
        }
    }

    /** @return how many events were published */
    public int relayBatch() {
        Integer count = tx.execute(status -> {
            List<OutboxEvent> batch = events.lockUnsent(properties.outbox().batchSize());
            String topic = PaymentEvent.topic(properties.topicPrefix());
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
            for (OutboxEvent e : batch) {
                sends.add(publish(topic, e));
            }
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                OutboxEvent e = batch.get(i);
                try {
                    sends.get(i).get(10, TimeUnit.SECONDS);
                    sent.add(e.getId());
                } catch (Exception ex) {
                    failed.increment();
                    String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
                    events.markFailed(e.getId(), error.length() > 500 ? error.substring(0, 500) : error);
                    log.warn("outbox event {} not published: {}", e.getEventId(), error);
                    break;
                }
            }
            if (!sent.isEmpty()) {
                // one statement for the batch, in the transaction that holds the rows' locks
                events.markSent(sent, LocalDateTime.now(clock));
                published.increment(sent.size());
            }
            return sent.size();
        });
        return count == null ? 0 : count;
    }

    private CompletableFuture<SendResult<String, String>> publish(String topic, OutboxEvent e) {
        return traces.continuing(e.getTraceparent(), "aggpay.outbox.relay").contextualName("outbox relay")
                .lowCardinalityKeyValue("event.type", e.getEventType())
                .observe(() -> kafka.send(topic, e.getMsgKey(), e.getPayload()));
    }
}
