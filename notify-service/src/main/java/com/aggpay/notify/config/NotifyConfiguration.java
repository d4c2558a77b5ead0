package com.aggpay.notify.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyConfiguration {

    /** One clock for scheduling and signing, replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
