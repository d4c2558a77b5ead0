package com.aggpay.notify.intake;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.notify.domain.EventState;
import com.aggpay.notify.domain.WebhookBody;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns payment events into stored webhook events. The container commits the offset only after this method
 * returns (ack mode RECORD), i.e. after the insert committed; a database fault throws and the record is
 * redelivered (at-least-once), and the unique event_id makes the redelivery harmless.
 */
@Component
class PaymentEventListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventListener.class);
    private static final int MAX_LOGGED_VALUE = 4096;

    private final WebhookEvents events;
    private final Clock clock;

    PaymentEventListener(WebhookEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id (notify-service), not the listener id
    @KafkaListener(id = "payment-events", idIsGroup = false,
            topics = "#{T(com.aggpay.contracts.event.PaymentEvent).topic('${aggpay.topic-prefix}')}")
    void onMessage(ConsumerRecord<String, String> record) {
        ParsedEvent parsed = PaymentEventParser.parse(record.value());
        if (parsed instanceof ParsedEvent.Invalid invalid) {
            // A poison message would fail identically forever: log everything needed to replay it, then move on.
            log.error("event=POISON_MESSAGE topic={} partition={} offset={} key={} reason=\"{}\" value={}",
                    record.topic(), record.partition(), record.offset(), record.key(), invalid.reason(),
                    truncate(record.value()));
            return;
        }
        PaymentEvent event = ((ParsedEvent.Valid) parsed).event();
        if (event.requestId() != null) {
            MDC.put(AggpayHeaders.MDC_REQUEST_ID, event.requestId());
        }
        try {
            boolean inserted = events.insertIfAbsent(toRow(event, clock.instant()));
            log.info("event={} event_id={} mch_no={} type={}", inserted ? "WEBHOOK_EVENT_STORED" : "WEBHOOK_EVENT_DUPLICATE",
                    event.eventId(), event.mchNo(), event.eventType());
        } finally {
            MDC.remove(AggpayHeaders.MDC_REQUEST_ID);
        }
    }

    static WebhookEventRow toRow(PaymentEvent event, Instant now) {
        WebhookEventRow row = new WebhookEventRow();
        row.eventId = event.eventId();
        row.eventType = event.eventType().name();
        row.webhookType = event.eventType().webhookType();
        row.mchNo = event.mchNo();
        row.appId = event.appId();
        row.notifyUrl = event.notifyUrl() == null || event.notifyUrl().isBlank() ? null : event.notifyUrl();
        row.requestId = event.requestId() == null ? null : truncate(event.requestId(), 64);
        row.body = WebhookBody.of(event);
        row.state = EventState.PENDING.name();
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    private static String truncate(String value) {
        return value == null ? null : truncate(value, MAX_LOGGED_VALUE);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
