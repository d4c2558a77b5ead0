package com.aggpay.order.compensation;

import com.aggpay.order.close.CloseOrder;
import com.aggpay.order.close.CloseResult;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.payorder.domain.OrderState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes expired PAYING orders exactly like a merchant's close: upstream first, locally only once the channel
 * confirmed; a channel that answers PAID makes the order SUCCESS instead (the late payment); an unclear answer is
 * retried on the ladder. Claimed per order like {@link CompensationJob}.
 */
@Component
public class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final QuerySchedule schedule;
    private final PayOrders orders;
    private final CloseOrder closeOrder;
    private final CompensationProperties properties;
    private final Clock clock;

    public ExpiryJob(QuerySchedule schedule, PayOrders orders, CloseOrder closeOrder,
                     CompensationProperties properties, Clock clock) {
        this.schedule = schedule;
        this.orders = orders;
        this.closeOrder = closeOrder;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aggpay.order.compensation.poll-interval-ms}",
            initialDelayString = "${aggpay.order.compensation.poll-interval-ms}")
    public void scheduledRound() {
        if (!properties.enabled()) {
            return;
        }
        try {
            runRound();
        } catch (RuntimeException e) {
            log.warn("expiry round failed: {}", e.toString());
        }
    }

    /** @return the number of expired orders this round tried to close */
    public int runRound() {
        LocalDateTime now = LocalDateTime.now(clock);
        int taken = 0;
        for (DueOrder due : schedule.dueForExpiry(now, properties.batchSize())) {
            if (schedule.claim(due.getPayOrderId(), now, now.plus(properties.lease())) != 1) {
                continue;
            }
            taken++;
            try {
                expire(due.getPayOrderId(), due.getQueryTries() + 1);
            } catch (RuntimeException e) {
                log.warn("closing expired order {} failed: {}", due.getPayOrderId(), e.toString());
            }
        }
        return taken;
    }

    private void expire(String payOrderId, int tries) {
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || order.getState() != OrderState.PAYING) {
            return;
        }
        CloseResult result = closeOrder.close(order);
        if (result instanceof CloseResult.ChannelUnclear unclear) {
            Duration wait = properties.waitAfter(tries);
            schedule.postpone(payOrderId, LocalDateTime.now(clock).plus(wait));
            log.info("expired order {} not closed yet ({}); next try in {}", payOrderId, unclear.why(), wait);
        } else if (result instanceof CloseResult.AlreadyPaid) {
            log.info("expired order {} turned out paid", payOrderId);
        } else {
            log.info("expired order {} closed", payOrderId);
        }
    }
}
