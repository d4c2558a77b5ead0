package com.aggpay.order.compensation;

import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recovers payments whose callback was lost or late: every PAYING order with a handed-out trade is queried upstream
 * on a backoff ladder until it is final or expires (then {@link ExpiryJob} takes it). Runs on every instance; each
 * order is claimed with a conditional update on {@code next_query_at} first, so one instance queries it at a time,
 * and all state is in the database, so a restart loses nothing.
 */
@Component
public class CompensationJob {

    private static final Logger log = LoggerFactory.getLogger(CompensationJob.class);

    private final QuerySchedule schedule;
    private final CompensateOrder compensateOrder;
    private final CompensationProperties properties;
    private final Clock clock;

    public CompensationJob(QuerySchedule schedule, CompensateOrder compensateOrder, CompensationProperties properties,
                           Clock clock) {
        this.schedule = schedule;
        this.compensateOrder = compensateOrder;
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
            log.warn("compensation round failed: {}", e.toString());
        }
    }

    /** One round: claims and queries what is due now. @return the number of orders this round queried */
    public int runRound() {
        LocalDateTime now = LocalDateTime.now(clock);
        int queried = 0;
        for (DueOrder due : schedule.dueForQuery(now, now.minus(properties.firstQueryDelay()),
                properties.batchSize())) {
            if (schedule.claim(due.getPayOrderId(), now, now.plus(properties.lease())) != 1) {
                continue;
            }
            queried++;
            try {
                compensateOrder.query(due.getPayOrderId(), due.getQueryTries() + 1);
            } catch (RuntimeException e) {
                // the claim's lease lapses and the order is taken again
                log.warn("compensating order {} failed: {}", due.getPayOrderId(), e.toString());
            }
        }
        return queried;
    }
}
