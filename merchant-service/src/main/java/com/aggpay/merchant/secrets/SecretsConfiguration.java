package com.aggpay.merchant.secrets;

import com.aggpay.contracts.crypto.SecretBox;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    /** Built eagerly at start-up, so a missing or malformed key stops the service before it serves anything. */
    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        Map<String, String> keys = new HashMap<>(properties.keys());
        keys.put(properties.currentKeyId(), properties.currentKey());
        try {
            return new SecretBox(properties.currentKeyId(), keys);
        } catch (IllegalArgumentException e) {
            // SecretBox's messages name the key id and length, never the key material.
            throw new IllegalStateException("aggpay.secrets is misconfigured: " + e.getMessage(), e);
        }
    }
}
