package com.aggpay.gateway.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
/** The Redis client (nonces, rate limits, operator revocations) comes from contracts' RedisClientAutoConfiguration. */
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
