package com.aggpay.order.refund;

import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refund compensation: asks the channel about PROCESSING refunds whose next query is due, on the backoff ladder of
 * {@link RefundProperties}. Each round is claimed with a conditional update, so several instances never ask about
 * the same refund at once, and a restart simply picks up what is due.
 */
@Component
public class RefundQueries {

    private static final Logger log = LoggerFactory.getLogger(RefundQueries.class);

    private final Refunds refunds;
    private final PayOrders orders;
    private final RefundRouterClient router;
    private final SettleRefund settle;
    private final RefundProperties properties;
    private final Clock clock;

    public RefundQueries(Refunds refunds, PayOrders orders, RefundRouterClient router, SettleRefund settle,
                         RefundProperties properties, Clock clock, MeterRegistry meters) {
        this.refunds = refunds;
        this.orders = orders;
        this.router = router;
        this.settle = settle;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("aggpay_refunds_processing", refunds, Refunds::countProcessing)
                .description("refunds whose outcome is not known yet").register(meters);
    }

    @Scheduled(fixedDelayString = "${aggpay.refund.query-poll-ms:1000}")
    public void queryDue() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("refund query round failed: {}", e.toString());
        }
    }

    /** @return how many refunds this instance asked about */
    public int runOnce() {
        LocalDateTime now = LocalDateTime.now(clock);
        int asked = 0;
        for (Refund due : refunds.dueForQuery(now, properties.queryBatch())) {
            LocalDateTime next = now.plus(properties.step(due.getQueryTries() + 1));
            if (refunds.claimQuery(due.getRefundId(), due.getQueryTries(), now, next) == 1) {
                settle.apply(due, ask(due));
                asked++;
            }
        }
        return asked;
    }

    private RefundAnswer ask(Refund refund) {
        PayOrder order = orders.selectById(refund.getPayOrderId());
        try {
            return router.query(RefundCall.query(refund.getChannel(), order.getOutTradeNo(), refund.getOutRefundNo()));
        } catch (RuntimeException e) {
            log.warn("refund {} query got no answer ({}): asked again later", refund.getRefundId(), e.toString());
            return null;
        }
    }
}
