package com.aggpay.contracts.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpEndpointEnvironmentPostProcessorTest {

    private static final String BOOT_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Test
    void a_named_collector_becomes_boots_span_export_endpoint() {
        StandardEnvironment env = environment(Map.of("aggpay.otlp.endpoint", " http://collector:4318/v1/traces "));

        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty(BOOT_ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void without_a_collector_boots_endpoint_stays_unset_so_nothing_is_exported() {
        StandardEnvironment unset = environment(Map.of());
        StandardEnvironment blank = environment(Map.of("aggpay.otlp.endpoint", " "));

        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(unset, new SpringApplication());
        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(blank, new SpringApplication());

        assertThat(unset.containsProperty(BOOT_ENDPOINT)).isFalse();
        assertThat(blank.containsProperty(BOOT_ENDPOINT)).isFalse();
    }

    @Test
    void boots_own_endpoint_when_configured_wins() {
        StandardEnvironment env = environment(Map.of("aggpay.otlp.endpoint", "http://ours:4318/v1/traces",
                BOOT_ENDPOINT, "http://theirs:4318/v1/traces"));

        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty(BOOT_ENDPOINT)).isEqualTo("http://theirs:4318/v1/traces");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }
}
