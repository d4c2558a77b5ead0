package com.aggpay.contracts.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aggpay.service-auth.*}: the shared token key ({@code AGGPAY_SERVICE_TOKEN_KEY}, Base64 of at least 32 bytes;
 * only the local and test profiles have a built-in one), this service's name (default {@code spring.application.name}),
 * which services may call which paths ({@code allow}, first match wins, nothing matching is refused) and the paths
 * open without a token (the probes).
 */
@ConfigurationProperties(prefix = "aggpay.service-auth")
public record ServiceAuthProperties(String key, String name, List<ServiceAuthFilter.Rule> allow, List<String> openPaths) {

    public ServiceAuthProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
        openPaths = openPaths == null ? List.of("/livez", "/readyz") : List.copyOf(openPaths);
    }
}
