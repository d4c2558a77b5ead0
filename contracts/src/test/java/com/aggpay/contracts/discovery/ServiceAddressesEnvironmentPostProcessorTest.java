package com.aggpay.contracts.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ServiceAddressesEnvironmentPostProcessorTest {

    /** What application.yml says: one address per service, from its variable. */
    private static final Map<String, Object> APPLICATION_YML = Map.of(
            "spring.cloud.discovery.client.simple.instances.order-service[0].uri",
            "${AGGPAY_ORDER_URL:http://127.0.0.1:8082}",
            "spring.cloud.discovery.client.simple.instances.notify-service[0].uri",
            "${AGGPAY_NOTIFY_URL:http://127.0.0.1:8084}");

    @Test
    void a_comma_separated_address_list_becomes_the_services_instances() {
        StandardEnvironment environment = environment(Map.of(
                "AGGPAY_ORDER_URL", "http://127.0.0.1:8082, http://127.0.0.1:8182,http://127.0.0.1:8282"));

        new ServiceAddressesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(uris(environment, "order-service"))
                .containsExactly("http://127.0.0.1:8082", "http://127.0.0.1:8182", "http://127.0.0.1:8282");
        assertThat(uris(environment, "notify-service")).containsExactly("http://127.0.0.1:8084");
        // a refused connection tries each other replica once
        assertThat(environment.getProperty("spring.cloud.loadbalancer.retry.max-retries-on-next-service-instance"))
                .isEqualTo("2");
    }

    @Test
    void one_address_is_left_to_the_application_yml_and_only_refused_connections_are_retried() {
        StandardEnvironment environment = environment(Map.of("AGGPAY_ORDER_URL", "http://order-service:8082"));

        new ServiceAddressesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(uris(environment, "order-service")).containsExactly("http://order-service:8082");
        assertThat(environment.getPropertySources().contains("aggpayServiceReplicas")).isFalse();
        assertThat(environment.getProperty("spring.cloud.loadbalancer.retry.retryable-exceptions"))
                .isEqualTo("java.net.ConnectException");
        assertThat(environment.getProperty("spring.cloud.loadbalancer.retry.max-retries-on-same-service-instance"))
                .isEqualTo("0");
    }

    @Test
    void a_services_own_retry_setting_wins_over_the_default() {
        StandardEnvironment environment = environment(Map.of());
        environment.getPropertySources().addFirst(new MapPropertySource("own",
                Map.of("spring.cloud.loadbalancer.retry.enabled", "false")));

        new ServiceAddressesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.loadbalancer.retry.enabled")).isEqualTo("false");
    }

    @Test
    void blanks_and_repeats_in_a_list_are_dropped() {
        assertThat(ServiceAddressesEnvironmentPostProcessor.addresses(" a , ,b,a ")).containsExactly("a", "b");
        assertThat(ServiceAddressesEnvironmentPostProcessor.addresses(null)).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("variables", variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", APPLICATION_YML));
        return environment;
    }

    private static List<String> uris(StandardEnvironment environment, String service) {
        return Binder.get(environment).bind("spring.cloud.discovery.client.simple.instances." + service,
                        Bindable.listOf(Instance.class)).orElse(List.of()).stream().map(Instance::uri).toList();
    }

    record Instance(String uri) {
    }
}
