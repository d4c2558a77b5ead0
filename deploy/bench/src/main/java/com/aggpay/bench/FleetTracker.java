package com.aggpay.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What reached the {@link WebhookFleet}, by kind of endpoint. Paid orders are followed to their first successful
 * delivery by one {@link CycleTracker} per kind that can succeed (healthy, slow); each order's kind follows from its
 * {@code mch_order_no}, because {@link MerchantRequests} hands the fleet's URLs out in turn. Events published
 * straight onto the topic belong to a {@link Drain} by their id's prefix. Every attempt is counted with the outcome
 * of its signature check.
 */
final class FleetTracker implements PaymentTracker {

    /** The signature check of one request. */
    enum Signature {
        /** {@code Aggpay-Signature} and the Standard Webhooks headers both verified. */
        BOTH,
        /** {@code Aggpay-Signature} verified; no Standard Webhooks headers were sent. */
        AGGPAY_ONLY,
        /** A signature present did not verify (or {@code Aggpay-Signature} was missing): answered 400. */
        BAD
    }

    /** The webhook side of the payment phase: per kind that can succeed, and attempts per kind. */
    record Summary(Map<EndpointKind, CycleTracker.Summary> orders, Map<EndpointKind, Long> ordersSent,
                   Map<EndpointKind, Long> attempts, Map<Signature, Long> signatures) {
    }

    private final List<EndpointKind> kinds;
    private final Map<EndpointKind, CycleTracker> followed = new EnumMap<>(EndpointKind.class);
    private final Map<String, CycleTracker> trackerOf = new ConcurrentHashMap<>();
    private final Map<EndpointKind, LongAdder> ordersSent = new EnumMap<>(EndpointKind.class);
    private final Map<EndpointKind, LongAdder> attempts = new EnumMap<>(EndpointKind.class);
    private final Map<Signature, LongAdder> signatures = new EnumMap<>(Signature.class);
    private final List<Drain> drains = new CopyOnWriteArrayList<>();

    /** @param kinds the kind of each endpoint, in the order the orders' notify URLs take turns */
    FleetTracker(List<EndpointKind> kinds) {
        this.kinds = List.copyOf(kinds);
        followed.put(EndpointKind.HEALTHY, new CycleTracker());
        followed.put(EndpointKind.SLOW, new CycleTracker());
        for (EndpointKind k : EndpointKind.values()) {
            ordersSent.put(k, new LongAdder());
            attempts.put(k, new LongAdder());
        }
        for (Signature s : Signature.values()) {
            signatures.put(s, new LongAdder());
        }
    }

    @Override
    public void created(String payOrderId, String mchOrderNo, boolean measured) {
        if (mchOrderNo == null) {
            return;
        }
        EndpointKind kind = kinds.get((int) (MerchantRequests.sequenceOf(mchOrderNo) % kinds.size()));
        if (measured) {
            ordersSent.get(kind).increment();
        }
        CycleTracker tracker = followed.get(kind);
        if (tracker != null) {
            trackerOf.put(payOrderId, tracker);
            tracker.created(payOrderId, measured);
        }
    }

    @Override
    public void paid(String payOrderId, long nanos) {
        CycleTracker tracker = trackerOf.get(payOrderId);
        if (tracker != null) {
            tracker.paid(payOrderId, nanos);
        }
    }

    /** Starts following a batch of published events; register it before publishing. */
    Drain drain(String eventPrefix, int expected, long originNanos) {
        Drain drain = new Drain(eventPrefix, expected, originNanos);
        drains.add(drain);
        return drain;
    }

    /** Any request that reached an HTTP endpoint (the hanging ones count their own). */
    void attempt(EndpointKind kind, Signature signature) {
        attempts.get(kind).increment();
        signatures.get(signature).increment();
    }

    /** A correctly signed request the endpoint answered 2xx. */
    void delivered(EndpointKind kind, String eventId, String payOrderId, long nanos) {
        for (Drain drain : drains) {
            if (drain.owns(eventId)) {
                drain.arrived(eventId, nanos);
                return;
            }
        }
        CycleTracker tracker = followed.get(kind);
        if (tracker != null) {
            tracker.delivered(eventId, payOrderId, nanos);
        }
    }

    /** Measured, paid orders to healthy or slow endpoints without a successful delivery yet. */
    long missing() {
        return followed.values().stream().mapToLong(CycleTracker::missing).sum();
    }

    long badSignatures() {
        return signatures.get(Signature.BAD).sum();
    }

    Summary summary(long hangingRequests) {
        Map<EndpointKind, CycleTracker.Summary> orders = new EnumMap<>(EndpointKind.class);
        followed.forEach((k, t) -> orders.put(k, t.summary()));
        Map<EndpointKind, Long> sent = new EnumMap<>(EndpointKind.class);
        ordersSent.forEach((k, n) -> sent.put(k, n.sum()));
        Map<EndpointKind, Long> tried = new EnumMap<>(EndpointKind.class);
        attempts.forEach((k, n) -> tried.put(k, n.sum()));
        tried.put(EndpointKind.HANGING, hangingRequests);
        Map<Signature, Long> checked = new EnumMap<>(Signature.class);
        signatures.forEach((k, n) -> checked.put(k, n.sum()));
        return new Summary(orders, sent, tried, checked);
    }
}
