package com.aggpay.order.close;

import com.aggpay.contracts.event.EventType;
import com.aggpay.order.outbox.Outbox;
import com.aggpay.order.payorder.PayOrders;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a PAYING order locally once its channel said how: each is a conditional update from PAYING and its outbox
 * event in one transaction, so a payment applied in between wins and nothing is announced twice.
 */
@Component
public class OrderEndings {

    private final PayOrders orders;
    private final Outbox outbox;
    private final Clock clock;

    public OrderEndings(PayOrders orders, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The handed-out trade is confirmed closed upstream. @return false when the order was no longer PAYING */
    @Transactional
    public boolean closed(String payOrderId) {
        return announce(orders.markClosed(payOrderId, LocalDateTime.now(clock)), payOrderId, EventType.PaymentClosed);
    }

    /** No trade was handed out, so nobody can pay: close at once (unless a placement is in flight). */
    @Transactional
    public boolean closedWithoutTrade(String payOrderId) {
        return announce(orders.markClosedWithoutTrade(payOrderId, LocalDateTime.now(clock)), payOrderId,
                EventType.PaymentClosed);
    }

    /** The channel reports the handed-out trade failed. */
    @Transactional
    public boolean failed(String payOrderId, String failureCode) {
        return announce(orders.markTradeFailed(payOrderId, failureCode, LocalDateTime.now(clock)), payOrderId,
                EventType.PaymentFailed);
    }

    private boolean announce(int updated, String payOrderId, EventType type) {
        if (updated == 0) {
            return false;
        }
        outbox.append(type, orders.selectById(payOrderId));
        return true;
    }
}
