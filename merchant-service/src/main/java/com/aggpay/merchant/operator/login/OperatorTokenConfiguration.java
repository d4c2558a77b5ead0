package com.aggpay.merchant.operator.login;

import com.aggpay.contracts.signing.OperatorToken;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorLoginProperties.class)
class OperatorTokenConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Built eagerly, so a production-shaped start without {@code AGGPAY_OPERATOR_TOKEN_KEY} stops before serving;
     * only the local and test profiles carry a (public, local-only) key.
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
