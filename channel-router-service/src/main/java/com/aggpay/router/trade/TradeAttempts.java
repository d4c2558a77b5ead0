package com.aggpay.router.trade;

import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.router.channel.TradeOutcome;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads and writes the trade attempts of orders; what placement needs of {@link TradeAttemptRows}. */
@Component
public class TradeAttempts {

    private final TradeAttemptRows rows;
    private final Clock clock;

    public TradeAttempts(TradeAttemptRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    List<TradeAttempt> ofOrder(String payOrderId) {
        return rows.findByOrder(payOrderId);
    }

    /** The trade already handed out for this order, answered again exactly as the first time. */
    Optional<PlaceTradeResponse> handedOut(List<TradeAttempt> earlier) {
        return earlier.stream().filter(a -> "ACCEPTED".equals(a.getOutcome()) || "PAID".equals(a.getOutcome()))
                .findFirst().map(a -> new PlaceTradeResponse(
                        "PAID".equals(a.getOutcome()) ? PlaceTradeResponse.Outcome.PAID
                                : PlaceTradeResponse.Outcome.ACCEPTED,
                        a.getChannel(), a.getOutTradeNo(), a.getPayDataType(), a.getPayData(),
                        earlier.stream().map(TradeAttempts::view).toList()));
    }

    /** New trade numbers continue after every number this order ever used, on whichever channel. */
    int nextSeq(List<TradeAttempt> earlier) {
        return earlier.stream().mapToInt(TradeAttempt::getSeq).max().orElse(0) + 1;
    }

    void record(PlaceTrade.Placement placement, String channel, String outTradeNo, TradeOutcome outcome,
                long latencyMs) {
        LocalDateTime now = LocalDateTime.now(clock);
        TradeAttempt a = new TradeAttempt();
        a.setOutTradeNo(outTradeNo);
        a.setPayOrderId(placement.request().payOrderId());
        a.setMchNo(placement.request().mchNo());
        a.setSeq(placement.seq());
        a.setChannel(channel);
        a.setPayWay(placement.payWay().name());
        a.setAmount(placement.request().amount());
        a.setOutcome(outcomeClass(outcome));
        a.setChannelCode(channelCode(outcome));
        a.setLatencyMs(latencyMs);
        a.setQuotaReserved(!(outcome instanceof TradeOutcome.Rejected));
        if (outcome instanceof TradeOutcome.Accepted accepted) {
            a.setPayDataType(accepted.payDataType().name());
            a.setPayData(accepted.payData());
        }
        if (outcome instanceof TradeOutcome.Unknown) {
            a.setCloseState("PENDING");
            a.setNextCloseAt(now);
        }
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        rows.record(a);
        placement.add(view(a));
    }

    static PlaceTradeResponse.Attempt view(TradeAttempt a) {
        return new PlaceTradeResponse.Attempt(a.getSeq(), a.getChannel(), a.getOutTradeNo(), a.getOutcome(),
                a.getChannelCode(), a.getLatencyMs());
    }

    static String outcomeClass(TradeOutcome o) {
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

    static String channelCode(TradeOutcome o) {
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
