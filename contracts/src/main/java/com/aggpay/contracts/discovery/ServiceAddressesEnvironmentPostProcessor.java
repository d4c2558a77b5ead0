package com.aggpay.contracts.discovery;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the platform's services are, for Spring Cloud LoadBalancer's simple discovery, and how a call survives a
 * replica that is gone.
 * <ul>
 *   <li>{@code AGGPAY_MERCHANT_URL}, {@code AGGPAY_ORDER_URL}, {@code AGGPAY_ROUTER_URL} and {@code AGGPAY_NOTIFY_URL}
 *       may each list several replicas, comma-separated ({@code http://127.0.0.1:8082,http://127.0.0.1:8182}); they
 *       become that service's instances, over which calls go round-robin. One address (a Kubernetes Service, or a
 *       single local instance) is read by the services' application.yml as before.</li>
 *   <li>A call whose connection is refused is made again on the next replica, whatever its method: the request never
 *       reached a service, so nothing can happen twice. Nothing else is retried here (a read timeout may mean the
 *       call was acted on; the caller's own idempotency rules decide). Defaults only: a service's configuration
 *       overrides them.</li>
 * </ul>
 */
public class ServiceAddressesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final Map<String, String> ADDRESS_VARIABLES = Map.of(
            "AGGPAY_MERCHANT_URL", "merchant-service",
            "AGGPAY_ORDER_URL", "order-service",
            "AGGPAY_ROUTER_URL", "channel-router-service",
            "AGGPAY_NOTIFY_URL", "notify-service");

    private static final String INSTANCES = "spring.cloud.discovery.client.simple.instances.";
    private static final String RETRY = "spring.cloud.loadbalancer.retry.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> replicas = new LinkedHashMap<>();
        int most = 1;
        for (Map.Entry<String, String> variable : ADDRESS_VARIABLES.entrySet()) {
            List<String> addresses = addresses(environment.getProperty(variable.getKey()));
            if (addresses.size() > 1) {
                for (int i = 0; i < addresses.size(); i++) {
                    replicas.put(INSTANCES + variable.getValue() + "[" + i + "].uri", addresses.get(i));
                }
                most = Math.max(most, addresses.size());
            }
        }
        if (!replicas.isEmpty()) {
            // before the application's files: a list given here replaces the one-address list of application.yml
            environment.getPropertySources().addFirst(new MapPropertySource("aggpayServiceReplicas", replicas));
        }
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put(RETRY + "enabled", "true");
        retry.put(RETRY + "retry-on-all-operations", "true");
        retry.put(RETRY + "retryable-exceptions", "java.net.ConnectException");
        retry.put(RETRY + "max-retries-on-same-service-instance", "0");
        retry.put(RETRY + "max-retries-on-next-service-instance", String.valueOf(Math.max(1, most - 1)));
        retry.put(RETRY + "avoid-previous-instance", "true");
        environment.getPropertySources().addLast(new MapPropertySource("aggpayServiceCallRetry", retry));
    }

    static List<String> addresses(String value) {
        if (!StringUtils.hasText(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(StringUtils::hasText).distinct().toList();
    }

    /** After the application's own configuration files are read, so the variables may also be set there. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
