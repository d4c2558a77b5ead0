package com.aggpay.notify.intake;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.notify.delivery.DeliveryEngine;
import com.aggpay.notify.delivery.Endpoint;
import com.aggpay.notify.domain.EventState;
import com.aggpay.notify.domain.WebhookBody;
import com.aggpay.notify.store.Lease;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns payment events into stored webhook events, a poll's worth at a time: one INSERT (one commit) per batch
 * instead of a transaction per record. The container commits the offsets only after this method returns (ack
 * mode BATCH), i.e. after the insert committed; a database fault throws and the batch is redelivered
 * (at-least-once), and the unique event_id makes the redelivery harmless.
 *
 * <p>The events are stored already leased to this instance's {@link DeliveryEngine} and handed to it as soon as
 * they are committed, so the webhook goes out without waiting for any scan.
 *
 * <p>A batch mixes the traces of many payments, so no observation spans it (Spring Kafka observes record listeners
 * only); instead each event keeps its message's {@code traceparent} and its webhook attempt continues that trace.
 */
@Component
public class PaymentEventListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventListener.class);
    private static final int MAX_LOGGED_VALUE = 4096;
    /** A version-00 traceparent has 55 characters; anything much longer is not one. */
    private static final int MAX_TRACEPARENT = 64;

    private final WebhookEvents events;
    private final ObjectProvider<DeliveryEngine> engine;
    private final Clock clock;

    PaymentEventListener(WebhookEvents events, ObjectProvider<DeliveryEngine> engine, Clock clock) {
        this.events = events;
        this.engine = engine;
        this.clock = clock;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id (notify-service), not the listener id
    @KafkaListener(id = "payment-events", idIsGroup = false, batch = "true",
            topics = "#{T(com.aggpay.contracts.event.PaymentEvent).topic('${aggpay.topic-prefix}')}")
    void onBatch(List<ConsumerRecord<String, String>> records) {
        Instant now = clock.instant();
        // by event_id: a batch may carry the same event twice (a producer retry), which is one event
        Map<String, WebhookEventRow> rows = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            ParsedEvent parsed = PaymentEventParser.parse(record.value());
            if (parsed instanceof ParsedEvent.Valid valid) {
                WebhookEventRow row = toRow(valid.event(), now);
                row.traceparent = traceparent(record);
                rows.putIfAbsent(valid.event().eventId(), row);
            } else {
                // A poison message would fail identically forever: log everything needed to replay it, then move on.
                log.error("event=POISON_MESSAGE topic={} partition={} offset={} key={} reason=\"{}\" value={}",
                        record.topic(), record.partition(), record.offset(), record.key(),
                        ((ParsedEvent.Invalid) parsed).reason(), truncate(record.value()));
            }
        }
        if (!rows.isEmpty()) {
            store(new ArrayList<>(rows.values()));
        }
    }

    private void store(List<WebhookEventRow> rows) {
        DeliveryEngine deliveryEngine = engine.getIfAvailable();
        Lease lease = deliveryEngine == null ? null : deliveryEngine.leaseForIntake();
        int stored = events.insertNew(rows, lease);
        log.info("event=WEBHOOK_EVENTS_STORED stored={} duplicates={}", stored, rows.size() - stored);
        if (deliveryEngine != null && stored > 0) {
            deliveryEngine.deliverStored(stored == rows.size() ? rows : events.heldBy(rows, lease.owner()),
                    lease.owner());
        }
    }

    /** The stored row of an event, due now (also how tests store an event as another instance would). */
    public static WebhookEventRow toRow(PaymentEvent event, Instant now) {
        WebhookEventRow row = new WebhookEventRow();
        row.eventId = event.eventId();
        row.eventType = event.eventType().name();
        row.webhookType = event.eventType().webhookType();
        row.mchNo = event.mchNo();
        row.appId = event.appId();
        row.notifyUrl = event.notifyUrl() == null || event.notifyUrl().isBlank() ? null : event.notifyUrl();
        row.endpoint = Endpoint.keyOf(row.notifyUrl, row.appId);
        row.requestId = event.requestId() == null ? null : truncate(event.requestId(), 64);
        row.payOrderId = event.payOrderId() == null || event.payOrderId().length() > 32 ? null : event.payOrderId();
        row.orderSeq = row.payOrderId == null ? null : event.orderSeq();
        row.body = WebhookBody.of(event);
        row.state = EventState.PENDING.name();
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TraceContexts.TRACEPARENT);
        if (header == null || header.value() == null || header.value().length > MAX_TRACEPARENT) {
            return null;
        }
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static String truncate(String value) {
        return value == null ? null : truncate(value, MAX_LOGGED_VALUE);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
