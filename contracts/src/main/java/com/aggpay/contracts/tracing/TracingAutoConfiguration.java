package com.aggpay.contracts.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link TraceContexts} for every service that traces (Micrometer Tracing on the OpenTelemetry bridge, which Boot
 * configures: W3C propagation, the span ids in the log context, OTLP export where {@code AGGPAY_OTLP_ENDPOINT} is set,
 * see {@link OtlpEndpointEnvironmentPostProcessor}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
@ConditionalOnBean({Tracer.class, Propagator.class, ObservationRegistry.class})
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceContexts aggpayTraceContexts(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        return new TraceContexts(tracer, propagator, observations);
    }
}
