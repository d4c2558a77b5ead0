package com.aggpay.router.trade;

import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.router.RouterProperties;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.store.ChannelInstances;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Opens one trade for an order, failing over per DESIGN.md: a definite rejection tries the next candidate at once;
 * an unknown outcome leaves an orphan whose pay data is never handed out and tries the next candidate (or, with no
 * other candidate, the same channel once more with the same trade number and identical parameters); accepted or
 * paid stops. Attempts are bounded by {@code aggpay.router.max-attempts}.
 */
@Service
public class PlaceTrade {

    private static final Logger log = LoggerFactory.getLogger(PlaceTrade.class);
    private final ChannelInstances channels;
    private final ChannelAdapters adapters;
    private final TradeAttemptRows attemptRows;
    private final RouterProperties properties;
    private final Clock clock;

    public PlaceTrade(ChannelInstances channels, ChannelAdapters adapters, TradeAttemptRows attemptRows,
                      RouterProperties properties, Clock clock) {
        this.channels = channels;
        this.adapters = adapters;
        this.attemptRows = attemptRows;
        this.properties = properties;
        this.clock = clock;
    }

    public PlaceTradeResponse place(PlaceTradeRequest request) {
        PayWay payWay = PayWay.valueOf(request.payWay());
        List<ChannelInstance> candidates = channels.contractedFor(request.mchNo(), request.amount()).stream()
                .filter(c -> adapters.canOpen(c, payWay)).toList();
        List<PlaceTradeResponse.Attempt> attempts = new ArrayList<>();
        int seq = 0;
        boolean retriedSame = false;
        for (int i = 0; i < candidates.size() && attempts.size() < properties.maxAttempts(); i++) {
            ChannelInstance channel = candidates.get(i);
            if (!retriedSame) {
                seq++;
            }
            String outTradeNo = outTradeNo(request.payOrderId(), seq);
            TradeOutcome outcome = attempt(channel, request, payWay, outTradeNo, seq, attempts);
            if (outcome instanceof TradeOutcome.Accepted accepted) {
                return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, channel.name(), outTradeNo,
                        accepted.payDataType().name(), accepted.payData(), attempts);
            }
            if (outcome instanceof TradeOutcome.Paid) {
                return new PlaceTradeResponse(PlaceTradeResponse.Outcome.PAID, channel.name(), outTradeNo,
                        null, null, attempts);
            }
            boolean lastCandidate = i == candidates.size() - 1;
            retriedSame = outcome instanceof TradeOutcome.Unknown && lastCandidate && !retriedSame;
            if (retriedSame) {
                i--; // the same channel again, same trade number
            }
        }
        log.warn("no channel opened a trade for order {} ({} candidates, {} attempts)", request.payOrderId(),
                candidates.size(), attempts.size());
        return new PlaceTradeResponse(PlaceTradeResponse.Outcome.NO_CHANNEL_AVAILABLE, null, null, null, null,
                attempts);
    }

    private TradeOutcome attempt(ChannelInstance channel, PlaceTradeRequest request, PayWay payWay, String outTradeNo,
                                 int seq, List<PlaceTradeResponse.Attempt> attempts) {
        ChannelAdapter adapter = adapters.of(channel.type()).orElseThrow();
        TradeRequest tradeRequest = new TradeRequest(outTradeNo, payWay, request.amount(), request.currency(),
                request.subject(), request.body(), request.clientIp(), OffsetDateTime.parse(request.expiresAt()),
                request.channelExtra() == null ? java.util.Map.of() : request.channelExtra());
        long started = System.nanoTime();
        TradeOutcome outcome;
        try {
            outcome = adapter.createTrade(channel, tradeRequest);
        } catch (RuntimeException e) {
            // adapters classify every upstream failure; an exception here is our own fault, and the trade's fate
            // upstream is not known
            log.error("adapter {} failed on {}", channel.name(), outTradeNo, e);
            outcome = new TradeOutcome.Unknown("ADAPTER_ERROR", e.getClass().getSimpleName());
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        String outcomeClass = outcomeClass(outcome);
        String code = channelCode(outcome);
        attemptRows.record(outTradeNo, request.payOrderId(), seq, channel.name(), payWay.name(), request.amount(),
                outcomeClass, code, latencyMs, LocalDateTime.now(clock));
        attempts.add(new PlaceTradeResponse.Attempt(seq, channel.name(), outTradeNo, outcomeClass, code, latencyMs));
        log.info("trade {} on {}: {} {} in {} ms", outTradeNo, channel.name(), outcomeClass, code, latencyMs);
        return outcome;
    }

    /** {@code <pay_order_id without "po_"><two-digit seq>}: stable, so asking again retries the same trades. */
    static String outTradeNo(String payOrderId, int seq) {
        String base = payOrderId.startsWith("po_") ? payOrderId.substring(3) : payOrderId;
        return base + String.format("%02d", seq);
    }

    private static String outcomeClass(TradeOutcome o) {
        if (o instanceof TradeOutcome.Accepted) {
            return "ACCEPTED";
        }
        if (o instanceof TradeOutcome.Rejected) {
            return "REJECTED";
        }
        if (o instanceof TradeOutcome.Unknown) {
            return "UNKNOWN";
        }
        return "PAID";
    }

    private static String channelCode(TradeOutcome o) {
        if (o instanceof TradeOutcome.Rejected r) {
            return r.channelCode();
        }
        if (o instanceof TradeOutcome.Unknown u) {
            return u.channelCode();
        }
        if (o instanceof TradeOutcome.Paid p) {
            return p.channelCode();
        }
        return null;
    }
}
