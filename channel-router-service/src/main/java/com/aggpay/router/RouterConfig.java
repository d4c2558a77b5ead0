package com.aggpay.router;

import com.aggpay.contracts.crypto.SecretBox;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RouterConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        return properties.secretBox();
    }
}
