package com.aggpay.order.outbox;

import com.aggpay.contracts.event.EventType;
import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.order.metrics.OrderMetrics;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrderViews;
import com.aggpay.order.payorder.PayOrders;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends domain events to the outbox, inside the transaction of the state change they announce, with the trace
 * context of the request (or job) that made the change: the {@link OutboxRelay} publishes under it.
 */
@Component
public class Outbox {

    private final OutboxEvents events;
    private final PayOrders orders;
    private final PayOrderViews views;
    private final JsonMapper json;
    private final Clock clock;
    private final TraceContexts traces;
    private final OrderMetrics metrics;

    public Outbox(OutboxEvents events, PayOrders orders, PayOrderViews views, JsonMapper json, Clock clock,
                  TraceContexts traces, OrderMetrics metrics) {
        this.metrics = metrics;
        this.events = events;
        this.orders = orders;
        this.views = views;
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentEvent append(EventType type, PayOrder order) {
        return append(type, order, views.asMap(order));
    }

    /** An event about the order whose {@code data} is another public object of it (e.g. a refund). */
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentEvent append(EventType type, PayOrder order, Map<String, Object> data) {
        metrics.announced(type, order);
        orders.advanceEventSeq(order.getPayOrderId());
        int seq = orders.eventSeq(order.getPayOrderId());
        PaymentEvent event = new PaymentEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), type,
                OffsetDateTime.now(clock).toString(), order.getMchNo(), order.getAppId(), order.getNotifyUrl(),
                MDC.get(AggpayHeaders.MDC_REQUEST_ID), order.getPayOrderId(), seq, data);
        OutboxEvent row = new OutboxEvent();
        row.setEventId(event.eventId());
        row.setEventType(type.name());
        row.setMsgKey(order.getMchNo());
        row.setPayload(json.writeValueAsString(event));
        row.setCreatedAt(LocalDateTime.now(clock));
        row.setTraceparent(traces.currentTraceparent());
        events.insert(row);
        return event;
    }
}
