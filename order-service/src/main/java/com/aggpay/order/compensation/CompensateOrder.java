package com.aggpay.order.compensation;

import com.aggpay.contracts.trade.TradeStatusAnswer;
import com.aggpay.order.close.OrderEndings;
import com.aggpay.order.payment.ApplyQueriedPayment;
import com.aggpay.order.payment.ApplyResult;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.routing.TradeOpsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queries the handed-out trade of one claimed PAYING order and acts on a final answer (防掉单): PAID is applied
 * exactly like a callback (idempotent with a late one), CLOSED or FAILED upstream end the order with their event;
 * anything else schedules the next query on the ladder.
 */
@Service
public class CompensateOrder {

    private static final Logger log = LoggerFactory.getLogger(CompensateOrder.class);
    private static final Logger alerts = LoggerFactory.getLogger("aggpay.alert");

    private final PayOrders orders;
    private final TradeOpsClient router;
    private final ApplyQueriedPayment applyQueriedPayment;
    private final OrderEndings endings;
    private final QuerySchedule schedule;
    private final CompensationProperties properties;
    private final Clock clock;

    public CompensateOrder(PayOrders orders, TradeOpsClient router, ApplyQueriedPayment applyQueriedPayment,
                           OrderEndings endings, QuerySchedule schedule, CompensationProperties properties,
                           Clock clock) {
        this.orders = orders;
        this.router = router;
        this.applyQueriedPayment = applyQueriedPayment;
        this.endings = endings;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param tries how many times this order has been taken for a query, this one included */
    public void query(String payOrderId, int tries) {
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || order.getState() != OrderState.PAYING || !order.hasTrade()) {
            return;
        }
        TradeStatusAnswer answer = ask(order);
        String status = answer == null || answer.status() == null ? TradeStatusAnswer.UNKNOWN : answer.status();
        if (answer != null && answer.paid()) {
            ApplyResult result = applyQueriedPayment.apply(order, answer);
            if (result instanceof ApplyResult.Applied || result instanceof ApplyResult.AlreadyApplied) {
                log.info("order {} recovered by query: its payment callback had not arrived ({})", payOrderId, result);
                return;
            }
            // a mismatch is already logged as a security event; keep asking, an operator has to look
        } else if ("CLOSED".equals(status)) {
            endings.closed(payOrderId);
            return;
        } else if ("FAILED".equals(status)) {
            endings.failed(payOrderId, "CHANNEL_TRADE_FAILED");
            return;
        } else if ("REFUNDED".equals(status)) {
            alerts.error("event=PAYING_ORDER_REFUNDED_UPSTREAM pay_order_id={} out_trade_no={}: the channel reports "
                    + "a refund of a trade the platform never saw paid", payOrderId, order.getOutTradeNo());
        }
        Duration wait = properties.waitAfter(tries);
        schedule.postpone(payOrderId, LocalDateTime.now(clock).plus(wait));
        log.debug("order {} not final upstream ({}); next query in {}", payOrderId, status, wait);
    }

    private TradeStatusAnswer ask(PayOrder order) {
        try {
            return router.queryTrade(order.getOutTradeNo());
        } catch (RuntimeException e) {
            log.warn("querying trade {} of order {} failed: {}", order.getOutTradeNo(), order.getPayOrderId(),
                    e.toString());
            return null;
        }
    }
}
