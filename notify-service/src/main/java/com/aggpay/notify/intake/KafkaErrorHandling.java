package com.aggpay.notify.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    /**
     * Poison messages never reach here (the listener skips them), so what throws is a fault of ours, usually
     * the database. The default handler would give up after 10 tries and skip the batch, losing payment
     * webhooks; instead retry the same batch with backoff, without end (the back-off has no attempt or time
     * limit), and without committing its offsets.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
