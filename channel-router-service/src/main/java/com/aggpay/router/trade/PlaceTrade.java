package com.aggpay.router.trade;

import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.router.RouterProperties;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.circuit.ChannelCircuits;
import com.aggpay.router.quota.DailyQuota;
import com.aggpay.router.routing.health.HealthWindows;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.store.RoutableChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Opens one trade for an order, failing over per DESIGN.md. Candidates are the merchant's contracted, enabled
 * channels that accept the amount (and, for an in-wallet payer, belong to the app named: {@link AppPins}), ordered by
 * the merchant's routing policy (a pure decision over recent health);
 * at call time an open circuit or an exhausted daily quota passes a candidate over. A definite rejection tries the
 * next candidate at once; an unknown outcome leaves an orphan, whose pay data is never handed out and which the
 * {@code OrphanCloser} closes upstream, and tries the next candidate (or, with none left, the same channel once
 * more with the same trade number and identical parameters); accepted or paid stops. Asking again for an order
 * that already has a trade handed out returns that trade: placement is idempotent per order.
 */
@Service
public class PlaceTrade {

    private static final Logger log = LoggerFactory.getLogger(PlaceTrade.class);
    private final ChannelInstances channels;
    private final ChannelAdapters adapters;
    private final RankChannels ranking;
    private final HealthWindows health;
    private final ChannelCircuits circuits;
    private final DailyQuota quota;
    private final TradeAttempts attempts;
    private final RouterProperties properties;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    public PlaceTrade(ChannelInstances channels, ChannelAdapters adapters, RankChannels ranking,
                      HealthWindows health, ChannelCircuits circuits, DailyQuota quota, TradeAttempts attempts,
                      RouterProperties properties, MeterRegistry meters, ObservationRegistry observations) {
        this.channels = channels;
        this.adapters = adapters;
        this.ranking = ranking;
        this.health = health;
        this.circuits = circuits;
        this.quota = quota;
        this.attempts = attempts;
        this.properties = properties;
        this.meters = meters;
        this.observations = observations;
    }

    public PlaceTradeResponse place(PlaceTradeRequest request) {
        List<TradeAttempt> earlier = attempts.ofOrder(request.payOrderId());
        Optional<PlaceTradeResponse> handedOut = attempts.handedOut(earlier);
        if (handedOut.isPresent()) {
            return handedOut.get();
        }
        PayWay payWay = PayWay.valueOf(request.payWay());
        List<RoutableChannel> usable = channels.contractedFor(request.mchNo(), request.amount()).stream()
                .filter(c -> adapters.canOpen(c.instance(), payWay))
                .filter(c -> AppPins.admits(c.instance(), payWay, request.channelExtra())).toList();
        List<RoutableChannel> ordered = ranking.rank(usable, request.mchNo(), payWay);

        Placement placement = new Placement(request, payWay, attempts.nextSeq(earlier));
        for (int i = 0; i < ordered.size() && placement.attemptCount() < properties.maxAttempts(); i++) {
            RoutableChannel channel = ordered.get(i);
            if (!circuits.tryAcquire(channel.name())) {
                skipped(channel, "circuit_open");
                continue;
            }
            if (!quota.reserve(channel.name(), request.mchNo(), request.amount(), channel.dailyCap(),
                    channel.merchantDailyCap())) {
                circuits.release(channel.name());
                skipped(channel, "quota_exhausted");
                continue;
            }
            TradeOutcome outcome = open(placement, channel, placement.newTradeNo());
            boolean lastCandidate = i == ordered.size() - 1;
            if (outcome instanceof TradeOutcome.Unknown && lastCandidate
                    && placement.attemptCount() < properties.maxAttempts() && circuits.tryAcquire(channel.name())) {
                // nobody else can take it: the same trade again, identical parameters, which the channels allow
                outcome = open(placement, channel, placement.sameTradeNo());
            }
            if (outcome instanceof TradeOutcome.Accepted || outcome instanceof TradeOutcome.Paid) {
                placed("OPENED", placement);
                return placement.response(channel, outcome);
            }
        }
        log.warn("no channel opened a trade for order {} ({} usable, {} attempts)", request.payOrderId(),
                usable.size(), placement.attemptCount());
        placed("NO_CHANNEL", placement);
        return placement.noChannel();
    }

    /** One placement's end; {@code failed_over}: it took more than one attempt (another channel, or the same again). */
    private void placed(String outcome, Placement placement) {
        meters.counter("aggpay_router_placements_total", "outcome", outcome, "pay_way", placement.payWay().name(),
                "failed_over", Boolean.toString(placement.attemptCount() > 1)).increment();
    }

    private TradeOutcome open(Placement placement, RoutableChannel channel, String outTradeNo) {
        long started = System.nanoTime();
        TradeOutcome outcome;
        try {
            outcome = channelCall(channel).observe(() -> adapters.of(channel.instance().type()).orElseThrow()
                    .createTrade(channel.instance(), placement.tradeRequest(outTradeNo)));
        } catch (RuntimeException e) {
            // adapters classify every upstream failure; an exception is our own fault, the trade's fate unknown
            log.error("adapter {} failed on {}", channel.name(), outTradeNo, e);
            outcome = new TradeOutcome.Unknown("ADAPTER_ERROR", e.getClass().getSimpleName());
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        circuits.record(channel.name(), outcome, latencyMs);
        health.record(channel.name(), placement.payWay().name(), outcome instanceof TradeOutcome.Accepted
                || outcome instanceof TradeOutcome.Paid, latencyMs);
        if (outcome instanceof TradeOutcome.Rejected) {
            // definitely no trade upstream: its amount never left the quota
            quota.release(channel.name(), placement.request().mchNo(), placement.request().amount(), quota.today());
        }
        attempts.record(placement, channel.name(), outTradeNo, outcome, latencyMs);
        meters.counter("aggpay_router_attempts_total", "channel", channel.name(),
                "outcome", TradeAttempts.outcomeClass(outcome)).increment();
        log.info("trade {} on {}: {} {} in {} ms", outTradeNo, channel.name(), TradeAttempts.outcomeClass(outcome),
                TradeAttempts.channelCode(outcome), latencyMs);
        return outcome;
    }

    /**
     * The call to the channel as a client span of the order's trace (the channels' SDKs are not instrumented). The
     * trace context goes into a carrier that is never sent: a channel is no part of our traces.
     */
    private Observation channelCall(RoutableChannel channel) {
        SenderContext<Map<String, String>> context = new SenderContext<>(Map::put, Kind.CLIENT);
        context.setCarrier(new HashMap<>());
        context.setRemoteServiceName(channel.name());
        return Observation.createNotStarted("aggpay.channel.call", () -> context, observations)
                .contextualName("create trade").lowCardinalityKeyValue("channel", channel.name());
    }

    private void skipped(RoutableChannel channel, String reason) {
        meters.counter("aggpay_router_skipped_total", "channel", channel.name(), "reason", reason).increment();
        log.info("channel {} passed over: {}", channel.name(), reason);
    }

    /** {@code <pay_order_id without "po_"><two-digit seq>}: derived, so every instance agrees on it. */
    static String outTradeNo(String payOrderId, int seq) {
        String base = payOrderId.startsWith("po_") ? payOrderId.substring(3) : payOrderId;
        return base + String.format("%02d", seq);
    }

    /** One placement's progress: trade numbers used and the attempts made, for the response. */
    static final class Placement {
        private final PlaceTradeRequest request;
        private final PayWay payWay;
        private int seq;
        private final List<PlaceTradeResponse.Attempt> made = new ArrayList<>();

        Placement(PlaceTradeRequest request, PayWay payWay, int firstSeq) {
            this.request = request;
            this.payWay = payWay;
            this.seq = firstSeq - 1;
        }

        PlaceTradeRequest request() {
            return request;
        }

        PayWay payWay() {
            return payWay;
        }

        int seq() {
            return seq;
        }

        String newTradeNo() {
            return outTradeNo(request.payOrderId(), ++seq);
        }

        String sameTradeNo() {
            return outTradeNo(request.payOrderId(), seq);
        }

        int attemptCount() {
            return made.size();
        }

        void add(PlaceTradeResponse.Attempt attempt) {
            made.add(attempt);
        }

        com.aggpay.router.channel.TradeRequest tradeRequest(String outTradeNo) {
            return new com.aggpay.router.channel.TradeRequest(outTradeNo, payWay, request.amount(), request.currency(),
                    request.subject(), request.body(), request.clientIp(),
                    java.time.OffsetDateTime.parse(request.expiresAt()),
                    request.channelExtra() == null ? Map.of() : request.channelExtra());
        }

        PlaceTradeResponse response(RoutableChannel channel, TradeOutcome outcome) {
            String tradeNo = made.get(made.size() - 1).outTradeNo();
            if (outcome instanceof TradeOutcome.Accepted a) {
                return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, channel.name(), tradeNo,
                        a.payDataType().name(), a.payData(), List.copyOf(made), channel.feeRatePpm());
            }
            return new PlaceTradeResponse(PlaceTradeResponse.Outcome.PAID, channel.name(), tradeNo, null, null,
                    List.copyOf(made), channel.feeRatePpm());
        }

        PlaceTradeResponse noChannel() {
            return new PlaceTradeResponse(PlaceTradeResponse.Outcome.NO_CHANNEL_AVAILABLE, null, null, null, null,
                    List.copyOf(made));
        }
    }
}
