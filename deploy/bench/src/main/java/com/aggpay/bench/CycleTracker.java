package com.aggpay.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What happened to each order of a cycle run after its creation: when the simulated wallet's payment answered and
 * when (and how often) its webhook arrived. The two events race (the simulator notifies the platform while it
 * answers the pay call), so both times are kept and the latency is computed once the run is over.
 */
final class CycleTracker implements PaymentTracker {

    private static final class Order {
        final boolean measured;
        volatile long paidAt;
        volatile long firstWebhookAt;
        final AtomicInteger deliveries = new AtomicInteger();

        Order(boolean measured) {
            this.measured = measured;
        }
    }

    /** The counts of a run's webhooks; {@code latency} is payment answered → first delivery, in microseconds. */
    record Summary(long expected, long received, long missing, long deliveries, long duplicates, long badSignatures,
                   long unknownOrders, long ordersWithSeveralEvents, long beforePayAnswer, Histogram latency) {
    }

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder badSignatures = new LongAdder();
    private final LongAdder unknownOrders = new LongAdder();

    void created(String payOrderId, boolean measured) {
        orders.put(payOrderId, new Order(measured));
    }

    @Override
    public void created(String payOrderId, String mchOrderNo, boolean measured) {
        created(payOrderId, measured);
    }

    @Override
    public void paid(String payOrderId, long nanos) {
        Order order = orders.get(payOrderId);
        if (order != null) {
            order.paidAt = nanos;
        }
    }

    /** A delivery whose signature checked out. */
    void delivered(String eventId, String payOrderId, long nanos) {
        deliveries.increment();
        if (eventId != null && !eventIds.add(eventId)) {
            duplicates.increment();
            return;
        }
        Order order = payOrderId == null ? null : orders.get(payOrderId);
        if (order == null) {
            unknownOrders.increment(); // e.g. a retry of an earlier run's event to a reused port
            return;
        }
        if (order.deliveries.getAndIncrement() == 0) {
            order.firstWebhookAt = nanos;
        }
    }

    void badSignature() {
        badSignatures.increment();
    }

    /** Measured orders that were paid and have no webhook yet. */
    long missing() {
        return orders.values().stream().filter(o -> o.measured && o.paidAt != 0 && o.firstWebhookAt == 0).count();
    }

    Summary summary() {
        Histogram latency = new Histogram(3);
        long expected = 0;
        long received = 0;
        long several = 0;
        long early = 0;
        for (Order o : orders.values()) {
            if (!o.measured || o.paidAt == 0) {
                continue;
            }
            expected++;
            long first = o.firstWebhookAt;
            if (first == 0) {
                continue;
            }
            received++;
            if (o.deliveries.get() > 1) {
                several++;
            }
            if (first < o.paidAt) {
                early++; // the webhook overtook the pay call's answer: counts as 0 latency
            }
            latency.recordValue(Math.max(0, first - o.paidAt) / 1000);
        }
        return new Summary(expected, received, expected - received, deliveries.sum(), duplicates.sum(),
                badSignatures.sum(), unknownOrders.sum(), several, early, latency);
    }
}
