package com.aggpay.order.payorder;

import com.aggpay.order.payorder.domain.CreatePayOrderRequest;
import com.aggpay.order.payorder.domain.Violation;
import com.aggpay.order.payorder.domain.PayOrderRules;
import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.OrderProperties;
import com.aggpay.order.metrics.OrderMetrics;
import com.aggpay.order.sharding.MerchantSlots;
import com.aggpay.order.web.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unified order: validate, store idempotently on (app_id, mch_order_no), then open a trade through the router.
 * Concurrent identical requests race on the unique key; the loser reads the winner's order.
 */
@Service
public class CreatePayOrder {

    private final PayOrders orders;
    private final TradePlacement placement;
    private final PayOrderViews views;
    private final OrderProperties properties;
    private final NotifyUrls notifyUrls;
    private final TransactionTemplate tx;
    private final OrderMetrics metrics;
    private final Clock clock;

    public CreatePayOrder(PayOrders orders, TradePlacement placement, PayOrderViews views,
                          OrderProperties properties, NotifyUrls notifyUrls, TransactionTemplate tx,
                          OrderMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.orders = orders;
        this.tx = tx;
        this.notifyUrls = notifyUrls;
        this.placement = placement;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    public CreateResult create(Caller caller, CreatePayOrderRequest request) {
        return create(caller, request, null);
    }

    /**
     * As {@link #create(Caller, CreatePayOrderRequest)}, with work that must commit together with the new order's
     * insert or not at all (the cashier's reservation against the static-code cap): it runs in the insert's
     * transaction, after the insert, and may throw to refuse the order. A repeat of an existing order skips it.
     */
    public CreateResult create(Caller caller, CreatePayOrderRequest request, Consumer<PayOrder> withInsert) {
        Optional<Violation> violation = PayOrderRules.check(request, properties.order().maxExpireSeconds());
        String channelExtra = views.writeMap(request.channelExtra());
        String metadata = views.writeMap(request.metadata());
        if (violation.isEmpty()) {
            violation = PayOrderRules.checkSerialized(channelExtra, metadata);
        }
        if (violation.isEmpty() && request.notifyUrl() != null) {
            violation = notifyUrls.check(request.notifyUrl()); // may resolve the host: last, and bounded
        }
        if (violation.isPresent()) {
            return new CreateResult.Invalid(violation.get());
        }
        PayOrder order = newOrder(caller, request, channelExtra, metadata);
        // Insert first: a new order (nearly every request) costs one statement; a repeat finds the unique key taken
        PayOrder existing;
        try {
            if (withInsert == null) {
                orders.insert(order);
            } else {
                tx.executeWithoutResult(status -> {
                    orders.insert(order);
                    withInsert.accept(order);
                });
            }
            metrics.created(order);
            if (order.isCashierLink()) {
                // no trade until a payer's wallet is known: the cashier opens it (CashierOrders)
                return new CreateResult.Created(views.view(order));
            }
            return placeTrade(order, true);
        } catch (DuplicateKeyException repeated) {
            existing = orders.findByMchOrderNo(caller.mchNo(), caller.appId(), request.mchOrderNo());
        }
        if (!existing.sameContentAs(order)) {
            return new CreateResult.Conflict(views.view(existing));
        }
        if (existing.getState() == OrderState.PAYING && !existing.hasTrade() && !existing.isCashierLink()) {
            return repeatWithoutTrade(existing);
        }
        return new CreateResult.Repeated(views.view(existing));
    }

    /**
     * The order exists but has no pay data yet: either another request is asking the router right now (wait for
     * its answer), or an earlier request never learnt the router's answer (ask again: the router reuses the same
     * trade numbers with identical parameters, which the channels treat as one trade).
     */
    public CreateResult repeatWithoutTrade(PayOrder existing) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (orders.claimPlacement(existing.getPayOrderId(), now, now.plus(placementLease())) == 1) {
            return placeTrade(existing, false);
        }
        long deadline = System.nanoTime() + placementLease().toNanos();
        PayOrder current = existing;
        while (current.getState() == OrderState.PAYING && !current.hasTrade() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = orders.selectById(existing.getPayOrderId());
        }
        PayOrderView view = views.view(current);
        if (current.getState() == OrderState.PAYING && !current.hasTrade()) {
            return new CreateResult.RouterUnavailable(view);
        }
        return current.getState() == OrderState.FAILED ? new CreateResult.NoChannel(view)
                : new CreateResult.Repeated(view);
    }

    private Duration placementLease() {
        return Duration.ofSeconds(properties.order().placementLeaseSeconds());
    }

    /** Asks the router for the trade of an order whose placement the caller claimed (a QR_CASHIER payer's wallet). */
    public CreateResult placeClaimed(PayOrder order) {
        return placeTrade(order, false);
    }

    private CreateResult placeTrade(PayOrder order, boolean created) {
        TradePlacement.Outcome outcome = placement.place(order);
        // the order as stored: placement recorded the opened trade on it; anything else is read back
        PayOrderView view = views.view(outcome == TradePlacement.Outcome.TRADE_OPENED && order.hasTrade() ? order
                : orders.selectById(order.getPayOrderId()));
        return switch (outcome) {
            case TRADE_OPENED -> created ? new CreateResult.Created(view) : new CreateResult.Repeated(view);
            case NO_CHANNEL -> new CreateResult.NoChannel(view);
            case ROUTER_UNAVAILABLE -> new CreateResult.RouterUnavailable(view);
        };
    }

    private PayOrder newOrder(Caller caller, CreatePayOrderRequest r, String channelExtra, String metadata) {
        // The order answered from memory must equal the order read back later. The columns are DATETIME(3), but
        // Connector/J 9 against MariaDB 10.11 stores whole seconds (seen in every service's tables): answer those.
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        int expire = r.expireSeconds() == null ? properties.order().defaultExpireSeconds() : r.expireSeconds();
        PayOrder o = new PayOrder();
        o.setPayOrderId(newPayOrderId(caller.mchNo()));
        o.setMchNo(caller.mchNo());
        o.setAppId(caller.appId());
        o.setMchOrderNo(r.mchOrderNo());
        o.setAmount(r.amount());
        o.setCurrency(r.currency() == null ? "CNY" : r.currency());
        o.setPayWay(r.payWay());
        o.setSubject(r.subject());
        o.setBody(r.body());
        o.setNotifyUrl(r.notifyUrl());
        o.setClientIp(r.clientIp());
        o.setChannelExtra(channelExtra);
        o.setMetadata(metadata);
        o.setState(OrderState.PAYING);
        o.setCreatedAt(now);
        o.setExpiresAt(now.plusSeconds(expire));
        o.setUpdatedAt(now);
        // the request that inserts an order places its trade; a QR_CASHIER order waits for its payer's wallet
        o.setPlacingUntil(o.isCashierLink() ? null : now.plus(placementLease()));
        return o;
    }

    /**
     * {@code po_} + 24 hex digits, the merchant's shard slot and 88 random bits ({@link MerchantSlots}): unguessable,
     * short enough to derive channel trade numbers from, and found on its shard by the id alone.
     */
    static String newPayOrderId(String mchNo) {
        return "po_" + MerchantSlots.randomHex(mchNo);
    }
}
