package com.aggpay.gateway.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, RedisProperties.class})
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Short timeouts: a nonce check waits on Redis inline, and a stuck Redis should fail the request fast. */
    @Bean(destroyMethod = "close")
    JedisPooled jedis(RedisProperties redis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000).socketTimeoutMillis(1000).clientName("aggpay-gateway");
        if (redis.password() != null && !redis.password().isBlank()) {
            config.user(redis.username() == null || redis.username().isBlank() ? null : redis.username())
                    .password(redis.password());
        }
        return new JedisPooled(new HostAndPort(redis.host(), redis.port()), config.build());
    }
}
