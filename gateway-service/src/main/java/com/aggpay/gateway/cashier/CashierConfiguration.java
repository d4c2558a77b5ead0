package com.aggpay.gateway.cashier;

import java.time.Clock;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CashierProperties.class)
class CashierConfiguration {

    @Bean
    CashierSeal cashierSeal(CashierProperties properties) {
        return new CashierSeal(Base64.getDecoder().decode(properties.sessionKey()), Clock.systemUTC());
    }
}
