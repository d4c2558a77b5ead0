package com.aggpay.order.compensation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** The jobs' backlogs, so a stuck job or a silent channel shows on a dashboard before merchants notice. */
@Component
public class CompensationMetrics {

    public CompensationMetrics(QuerySchedule schedule, CompensationProperties properties, Clock clock,
                               MeterRegistry meters) {
        Gauge.builder("aggpay_order_compensation_backlog", schedule, s -> {
            LocalDateTime now = LocalDateTime.now(clock);
            return s.countDueForQuery(now, now.minus(properties.firstQueryDelay()));
        }).description("PAYING orders with a handed-out trade due for an upstream query").register(meters);
        Gauge.builder("aggpay_order_expired_not_closed", schedule,
                        s -> s.countExpiredNotClosed(LocalDateTime.now(clock)))
                .description("PAYING orders past expires_at not closed yet").register(meters);
    }
}
