package com.aggpay.order.refund;

import com.aggpay.contracts.event.EventType;
import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.order.outbox.Outbox;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a PROCESSING refund, whoever learnt its outcome (the first call, a notification, a query): the refund's
 * state, the order's amounts and the outbox event change in one transaction, and only the caller whose conditional
 * update moved the refund out of PROCESSING does it, so racing reports apply once.
 */
@Service
public class SettleRefund {

    private static final Logger log = LoggerFactory.getLogger(SettleRefund.class);
    private static final Logger alerts = LoggerFactory.getLogger("aggpay.alert");

    private final Refunds refunds;
    private final RefundableAmounts amounts;
    private final PayOrders orders;
    private final RefundViews views;
    private final Outbox outbox;
    private final Clock clock;

    public SettleRefund(Refunds refunds, RefundableAmounts amounts, PayOrders orders, RefundViews views,
                        Outbox outbox, Clock clock) {
        this.refunds = refunds;
        this.amounts = amounts;
        this.orders = orders;
        this.views = views;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies what the router answered; PROCESSING and UNKNOWN leave the refund for the query job. Transactional
     * itself because the calls below are on {@code this}, past the proxy.
     */
    @Transactional
    public void apply(Refund refund, RefundAnswer answer) {
        if (answer == null || answer.outcome() == null) {
            return;
        }
        switch (answer.outcome()) {
            case SUCCEEDED -> {
                if (answer.amount() != refund.getAmount()) {
                    // never settle a different amount than was reserved; keep asking, and tell a human
                    alerts.error("event=REFUND_AMOUNT_MISMATCH refund_id={} asked={} channel_says={}",
                            refund.getRefundId(), refund.getAmount(), answer.amount());
                    return;
                }
                succeeded(refund, answer.channelRefundNo(), null);
            }
            case FAILED -> failed(refund, answer.channelCode() == null ? "REFUND_FAILED" : answer.channelCode());
            case PROCESSING -> refunds.recordAccepted(refund.getRefundId(), answer.channelRefundNo(), now());
            case UNKNOWN -> log.info("refund {} outcome unknown ({}): asked again later", refund.getRefundId(),
                    answer.channelCode());
        }
    }

    /** @return true when this call moved the refund to SUCCESS (false: it had ended before) */
    @Transactional
    public boolean succeeded(Refund refund, String channelRefundNo, LocalDateTime succeededAt) {
        LocalDateTime now = now();
        if (refunds.markSucceeded(refund.getRefundId(), channelRefundNo, succeededAt == null ? now : succeededAt,
                now) == 0) {
            return false;
        }
        if (amounts.settle(refund.getPayOrderId(), refund.getAmount(), now) == 0) {
            throw new IllegalStateException("order " + refund.getPayOrderId() + " holds less than refund "
                    + refund.getRefundId() + " reserved");
        }
        announce(EventType.RefundSucceeded, refund.getRefundId());
        log.info("refund {} of order {} succeeded: {}", refund.getRefundId(), refund.getPayOrderId(),
                refund.getAmount());
        return true;
    }

    /** @return true when this call moved the refund to FAILED and released its amount */
    @Transactional
    public boolean failed(Refund refund, String failureCode) {
        LocalDateTime now = now();
        if (refunds.markFailed(refund.getRefundId(), failureCode, now) == 0) {
            return false;
        }
        if (amounts.release(refund.getPayOrderId(), refund.getAmount(), now) == 0) {
            throw new IllegalStateException("order " + refund.getPayOrderId() + " holds less than refund "
                    + refund.getRefundId() + " reserved");
        }
        announce(EventType.RefundFailed, refund.getRefundId());
        log.info("refund {} of order {} failed: {}", refund.getRefundId(), refund.getPayOrderId(), failureCode);
        return true;
    }

    private void announce(EventType type, String refundId) {
        Refund now = refunds.selectById(refundId);
        PayOrder order = orders.selectById(now.getPayOrderId());
        outbox.append(type, order, views.asMap(now));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
