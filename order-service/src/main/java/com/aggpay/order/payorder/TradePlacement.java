package com.aggpay.order.payorder;

import com.aggpay.contracts.event.EventType;
import com.aggpay.order.outbox.Outbox;
import com.aggpay.order.routing.ChannelRouterClient;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the router for a trade and records what it did: every attempt, and the one trade whose pay data is handed
 * out. The router call runs outside any transaction; what it answered is stored in one.
 */
@Component
public class TradePlacement {

    private static final Logger log = LoggerFactory.getLogger(TradePlacement.class);

    /** How a placement ended for the order. */
    public enum Outcome { TRADE_OPENED, NO_CHANNEL, ROUTER_UNAVAILABLE }

    private final ChannelRouterClient router;
    private final PayOrders orders;
    private final PayAttempts attempts;
    private final PayOrderViews views;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public TradePlacement(ChannelRouterClient router, PayOrders orders, PayAttempts attempts, PayOrderViews views,
                          Outbox outbox, TransactionTemplate tx, Clock clock) {
        this.router = router;
        this.orders = orders;
        this.attempts = attempts;
        this.views = views;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Outcome place(PayOrder order) {
        PlaceTradeResponse answer;
        try {
            answer = router.placeTrade(request(order));
        } catch (RuntimeException e) {
            // the router may have opened trades we do not know of; nobody has their pay data, so nobody can pay them
            log.warn("router did not answer for order {}: {}", order.getPayOrderId(), e.toString());
            orders.releasePlacement(order.getPayOrderId());
            return Outcome.ROUTER_UNAVAILABLE;
        }
        return tx.execute(status -> record(order, answer));
    }

    private Outcome record(PayOrder order, PlaceTradeResponse answer) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (answer.attempts() != null) {
            for (PlaceTradeResponse.Attempt a : answer.attempts()) {
                PayAttempt row = new PayAttempt();
                row.setPayOrderId(order.getPayOrderId());
                row.setSeq(a.seq());
                row.setChannel(a.channel());
                row.setOutTradeNo(a.outTradeNo());
                row.setOutcome(a.outcome());
                row.setChannelCode(a.channelCode());
                row.setLatencyMs(a.latencyMs());
                row.setCreatedAt(now);
                attempts.insert(row);
            }
        }
        switch (answer.outcome()) {
            case ACCEPTED, PAID -> {
                String type = answer.payDataType() == null ? "NONE" : answer.payDataType();
                String data = answer.payData() == null ? "" : answer.payData();
                if (orders.recordTrade(order.getPayOrderId(), answer.channel(), answer.outTradeNo(), type, data,
                        answer.feeRatePpm(), now) == 1) {
                    order.recordTrade(answer.channel(), answer.outTradeNo(), type, data, answer.feeRatePpm(), now);
                }
                return Outcome.TRADE_OPENED;
            }
            case NO_CHANNEL_AVAILABLE -> {
                if (orders.markFailed(order.getPayOrderId(), "NO_CHANNEL_AVAILABLE", now) == 1) {
                    outbox.append(EventType.PaymentFailed, orders.selectById(order.getPayOrderId()));
                }
                return Outcome.NO_CHANNEL;
            }
            default -> throw new IllegalStateException("router answered no outcome");
        }
    }

    private PlaceTradeRequest request(PayOrder o) {
        return new PlaceTradeRequest(o.getPayOrderId(), o.getMchNo(), o.getAppId(), o.getAmount(), o.getCurrency(),
                o.tradePayWay(), o.getSubject(), o.getBody(), o.getClientIp(),
                o.getExpiresAt().atOffset(ZoneOffset.UTC).toString(), channelExtra(o));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private java.util.Map<String, String> channelExtra(PayOrder o) {
        return (java.util.Map) views.readMap(o.getChannelExtra());
    }
}
