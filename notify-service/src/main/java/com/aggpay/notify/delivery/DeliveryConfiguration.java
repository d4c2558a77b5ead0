package com.aggpay.notify.delivery;

import com.aggpay.contracts.tracing.TraceContexts;
import com.aggpay.notify.config.NotifyProperties;
import com.aggpay.notify.merchant.MerchantDirectory;
import com.aggpay.notify.store.WebhookEndpoints;
import com.aggpay.notify.store.WebhookEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    DeliveryExecutors deliveryExecutors() {
        return new DeliveryExecutors();
    }

    @Bean
    Bulkhead bulkhead(NotifyProperties properties, Clock clock) {
        NotifyProperties.Engine e = properties.engine();
        return new Bulkhead(e.maxInFlight(), e.perEndpointInFlight(), e.suspectMaxInFlight(),
                e.suspectPerEndpointInFlight(), e.suspectMemory(), clock);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry, Bulkhead bulkhead, WebhookEndpoints endpoints) {
        return new DeliveryMetrics(registry, bulkhead::inFlight, endpoints::countByState);
    }

    @Bean
    EndpointRegistry endpointRegistry(WebhookEndpoints endpoints, DeliveryMetrics metrics,
                                      NotifyProperties properties, Clock clock) {
        return new EndpointRegistry(endpoints, metrics, properties.disableFailingEndpointAfter(), clock);
    }

    @Bean
    TargetGuard targetGuard(NotifyProperties properties) {
        return new TargetGuard(properties.allowPrivateTargets());
    }

    /** Every slot of both lanes can hold a connection, so no attempt ever waits for the pool. */
    @Bean
    WebhookSender webhookSender(NotifyProperties properties, TargetGuard guard, Clock clock) {
        NotifyProperties.Engine e = properties.engine();
        return new WebhookSender(properties.http().connectTimeout(), properties.http().requestTimeout(), guard,
                e.maxInFlight() + e.suspectMaxInFlight(), clock);
    }

    @Bean
    AttemptRecorder attemptRecorder(WebhookEvents events, Clock clock) {
        return new AttemptRecorder(events, clock);
    }

    @Bean
    Deliverer deliverer(MerchantDirectory directory, TargetGuard guard, WebhookSender sender, AttemptRecorder recorder,
                        DeliveryMetrics metrics, Bulkhead bulkhead, EndpointRegistry endpoints,
                        WebhookEvents events, NotifyProperties properties, Clock clock, TraceContexts traces) {
        return new Deliverer(directory, guard, sender, recorder, metrics, bulkhead, endpoints, properties.schedule(),
                properties.engine().postponeDelay(), () -> ThreadLocalRandom.current().nextDouble(),
                new OrderGate(events, properties.engine().orderWaitForMissing(), clock), clock, traces);
    }

    @Bean
    WebhookTester webhookTester(MerchantDirectory directory, TargetGuard guard, WebhookSender sender,
                                WebhookEvents events, Clock clock) {
        return new WebhookTester(directory, guard, sender, events, clock);
    }

    /** Switchable so that a read-only instance (or a test) can run without delivering. */
    @Bean
    @ConditionalOnProperty(name = "aggpay.notify.engine.enabled", havingValue = "true", matchIfMissing = true)
    DeliveryEngine deliveryEngine(WebhookEvents events, Bulkhead bulkhead, Deliverer deliverer,
                                  DeliveryMetrics metrics, DeliveryExecutors executors, NotifyProperties properties,
                                  Clock clock) {
        NotifyProperties.Engine e = properties.engine();
        // a burst of four times an endpoint's share may wait in memory, four times the healthy lane in all
        WaitingRoom waitingRoom = new WaitingRoom(4 * e.perEndpointInFlight(), 4 * e.maxInFlight());
        return new DeliveryEngine(events, bulkhead, deliverer, metrics, executors.prepareByLane(), waitingRoom,
                e.scanInterval(), e.lease(), e.maxCandidatesPerScan(), clock);
    }
}
