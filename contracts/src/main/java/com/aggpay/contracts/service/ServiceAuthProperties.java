package com.aggpay.contracts.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aggpay.service-auth.*}: the shared token key ({@code AGGPAY_SERVICE_TOKEN_KEY}, Base64 of at least 32 bytes;
 * only the local and test profiles have a built-in one), this service's name (default {@code spring.application.name}),
 * which services may call which paths ({@code allow}, first match wins, nothing matching is refused), the paths
 * open without a token (the probes), and the paths that need an operator ({@code operator-paths}, default
 * {@code /api/admin/**}) less {@code operator-exempt} (e.g. merchant-service's login).
 */
@ConfigurationProperties(prefix = "aggpay.service-auth")
public record ServiceAuthProperties(String key, String name, List<ServiceAuthFilter.Rule> allow, List<String> openPaths,
                                    List<String> operatorPaths, List<String> operatorExempt) {

    public ServiceAuthProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
        openPaths = openPaths == null ? List.of("/livez", "/readyz") : List.copyOf(openPaths);
        operatorPaths = operatorPaths == null ? List.of("/api/admin/**") : List.copyOf(operatorPaths);
        operatorExempt = operatorExempt == null ? List.of() : List.copyOf(operatorExempt);
    }

    ServiceAuthFilter.OperatorPaths operators() {
        return new ServiceAuthFilter.OperatorPaths(operatorPaths, operatorExempt);
    }
}
