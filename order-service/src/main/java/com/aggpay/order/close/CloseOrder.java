package com.aggpay.order.close;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import com.aggpay.contracts.trade.TradeStatusAnswer;
import com.aggpay.order.payment.ApplyQueriedPayment;
import com.aggpay.order.payment.ApplyResult;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.routing.TradeOpsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Closes a PAYING order: upstream first, then locally. The order is closed locally only after the channel confirmed
 * the handed-out trade closed, because until then the payer may still pay it; a channel that answers PAID makes the
 * order SUCCESS instead. Used by the merchant's close and by the expiry job.
 */
@Service
public class CloseOrder {

    private static final Logger log = LoggerFactory.getLogger(CloseOrder.class);

    private final PayOrders orders;
    private final TradeOpsClient router;
    private final OrderEndings endings;
    private final ApplyQueriedPayment applyQueriedPayment;

    public CloseOrder(PayOrders orders, TradeOpsClient router, OrderEndings endings,
                      ApplyQueriedPayment applyQueriedPayment) {
        this.orders = orders;
        this.router = router;
        this.endings = endings;
        this.applyQueriedPayment = applyQueriedPayment;
    }

    public CloseResult close(PayOrder order) {
        if (order.getState() != OrderState.PAYING) {
            return settled(order, "order is " + order.getState());
        }
        if (!order.hasTrade()) {
            if (endings.closedWithoutTrade(order.getPayOrderId())) {
                return new CloseResult.Closed(reload(order));
            }
            return settled(reload(order), "a trade is being placed for it right now");
        }
        String answer = closeUpstream(order);
        if (CloseTradeAnswer.CLOSED.equals(answer)) {
            if (endings.closed(order.getPayOrderId())) {
                log.info("order {} closed; trade {} closed upstream", order.getPayOrderId(), order.getOutTradeNo());
                return new CloseResult.Closed(reload(order));
            }
            return settled(reload(order), "order changed while closing");
        }
        if (CloseTradeAnswer.PAID.equals(answer)) {
            return paidMeanwhile(order);
        }
        return new CloseResult.ChannelUnclear(order, "channel answered " + answer);
    }

    private String closeUpstream(PayOrder order) {
        try {
            CloseTradeAnswer answer = router.closeTrade(order.getOutTradeNo());
            return answer == null || answer.status() == null ? CloseTradeAnswer.UNKNOWN : answer.status();
        } catch (RuntimeException e) {
            log.warn("closing trade {} of order {} failed: {}", order.getOutTradeNo(), order.getPayOrderId(),
                    e.toString());
            return CloseTradeAnswer.UNKNOWN;
        }
    }

    /** The trade cannot be closed because it was paid: learn the payment from the channel and apply it. */
    private CloseResult paidMeanwhile(PayOrder order) {
        try {
            TradeStatusAnswer status = router.queryTrade(order.getOutTradeNo());
            if (status != null && status.paid()) {
                ApplyResult applied = applyQueriedPayment.apply(order, status);
                log.info("order {} was paid before it could be closed: {}", order.getPayOrderId(), applied);
            }
        } catch (RuntimeException e) {
            log.warn("querying paid trade {} of order {} failed: {}", order.getOutTradeNo(), order.getPayOrderId(),
                    e.toString());
        }
        return settled(reload(order), "channel says paid, but the payment could not be confirmed by a query yet");
    }

    /** The order's current state decides the result; a PAYING order here means nothing is certain yet. */
    private static CloseResult settled(PayOrder order, String whyStillPaying) {
        if (order.getState() == OrderState.SUCCESS) {
            return new CloseResult.AlreadyPaid(order);
        }
        if (order.getState() == OrderState.PAYING) {
            return new CloseResult.ChannelUnclear(order, whyStillPaying);
        }
        return new CloseResult.AlreadyEnded(order);
    }

    private PayOrder reload(PayOrder order) {
        return orders.selectById(order.getPayOrderId());
    }
}
