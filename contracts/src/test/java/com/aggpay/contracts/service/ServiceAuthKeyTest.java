package com.aggpay.contracts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ServiceAuthKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(
            "a-production-service-token-key-0123456789".getBytes(StandardCharsets.US_ASCII));

    @Test
    void a_production_service_reads_the_documented_variable() {
        MockEnvironment env = new MockEnvironment().withProperty("AGGPAY_SERVICE_TOKEN_KEY", KEY);

        assertThat(ServiceAuthAutoConfiguration.key(null, env)).isEqualTo(Base64.getDecoder().decode(KEY));
    }

    @Test
    void without_any_key_a_production_service_does_not_start_and_local_falls_back_to_its_own() {
        assertThatThrownBy(() -> ServiceAuthAutoConfiguration.key("", new MockEnvironment()))
                .hasMessageContaining("set AGGPAY_SERVICE_TOKEN_KEY");
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(ServiceAuthAutoConfiguration.key(null, local)).isEqualTo(Base64.getDecoder()
                .decode(ServiceAuthAutoConfiguration.LOCAL_KEY));
    }
}
