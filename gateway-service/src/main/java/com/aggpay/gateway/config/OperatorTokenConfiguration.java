package com.aggpay.gateway.config;

import com.aggpay.contracts.signing.OperatorToken;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperatorTokenConfiguration {

    /**
     * The key merchant-service signs console tokens with. Built eagerly, so a production-shaped start without
     * {@code AGGPAY_OPERATOR_TOKEN_KEY} stops at once; only the local and test profiles carry a local-only key.
     */
    @Bean
    OperatorToken operatorToken(@Value("${aggpay.operator-token.key:}") String base64Key, Clock clock) {
        try {
            return OperatorToken.fromBase64Key(base64Key, clock);
        } catch (IllegalArgumentException e) {
            // The message names the variable and the length, never the key material.
            throw new IllegalStateException("aggpay.operator-token.key is misconfigured: " + e.getMessage(), e);
        }
    }
}
