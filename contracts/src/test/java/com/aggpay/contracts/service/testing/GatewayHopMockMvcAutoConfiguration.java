package com.aggpay.contracts.service.testing;

import com.aggpay.contracts.service.ServiceAuthFilter;
import com.aggpay.contracts.service.ServiceTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Test auto-configuration (listed in a service's test resources): every MockMvc request without its own
 * {@code X-Aggpay-Service} header is sent as a call from the gateway, with a fresh token. A test that sets the header
 * itself (another caller, a forged token) keeps it, and the service's real {@link ServiceAuthFilter} decides.
 */
@AutoConfiguration
@ConditionalOnClass(MockMvcBuilderCustomizer.class)
public class GatewayHopMockMvcAutoConfiguration {

    @Bean
    MockMvcBuilderCustomizer aggpayGatewayHop(ServiceTokens tokens) {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            if (request.getHeader(ServiceTokens.HEADER) == null) {
                request.addHeader(ServiceTokens.HEADER, tokens.issue(ServiceAuthFilter.GATEWAY, tokens.self()).token());
            }
            return request;
        }));
    }
}
