package com.aggpay.contracts.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Exports spans over OTLP (HTTP) only where {@code AGGPAY_OTLP_ENDPOINT} (property {@code aggpay.otlp.endpoint})
 * names a collector, e.g. {@code http://otel-collector:4318/v1/traces}. Boot creates its span exporter as soon as its
 * endpoint property exists, even empty, so a placeholder with an empty default in application.yml would export from
 * every local run and CI job to nowhere; here the property exists only when there is somewhere to export to. Spans
 * are made either way: their ids reach the log lines and the calls to other services.
 */
public class OtlpEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "aggpay.otlp.endpoint";
    static final String BOOT_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT);
        if (StringUtils.hasText(endpoint) && !environment.containsProperty(BOOT_ENDPOINT)) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("aggpayOtlpEndpoint", Map.of(BOOT_ENDPOINT, endpoint.trim())));
        }
    }

    /** After the application's own configuration files are read: {@code aggpay.otlp.endpoint} may be set there. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
