package com.aggpay.order.metrics;

import com.aggpay.contracts.event.EventType;
import com.aggpay.order.payorder.PayOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The business counters of the order side (Prometheus, management port), all of bounded cardinality: pay ways and
 * channels are short fixed lists, merchants never a label.
 * <ul>
 *   <li>{@code aggpay_order_creates_total{pay_way}}: orders stored by the unified order (or the cashier). Not
 *   "orders_created": the Prometheus client strips a {@code _created} suffix, which OpenMetrics reserves.</li>
 *   <li>{@code aggpay_order_events_total{event, pay_way, channel}}: what orders came to, counted where it is
 *   announced (payment.succeeded, payment.failed, payment.closed, refund.succeeded, refund.failed).</li>
 * </ul>
 */
@Component
public class OrderMetrics {

    private final MeterRegistry meters;

    public OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        // present from the start, so dashboards and alerts see a zero rather than nothing
        Counter.builder("aggpay_order_creates_total").tag("pay_way", "WX_NATIVE").register(meters);
        Counter.builder("aggpay_order_events_total").tags("event", EventType.PaymentSucceeded.webhookType(),
                "pay_way", "WX_NATIVE", "channel", "none").register(meters);
    }

    public void created(PayOrder order) {
        meters.counter("aggpay_order_creates_total", "pay_way", order.getPayWay()).increment();
    }

    public void announced(EventType type, PayOrder order) {
        meters.counter("aggpay_order_events_total", "event", type.webhookType(), "pay_way", order.tradePayWay(),
                "channel", order.getChannel() == null ? "none" : order.getChannel()).increment();
    }
}
