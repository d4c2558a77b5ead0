package com.aggpay.merchant.redis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    /** Short timeouts: a login and an operator change wait on Redis inline, and a stuck Redis should fail them fast. */
    @Bean(destroyMethod = "close")
    JedisPooled jedis(RedisProperties redis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000).socketTimeoutMillis(1000).clientName("aggpay-merchant");
        if (redis.password() != null && !redis.password().isBlank()) {
            config.user(redis.username() == null || redis.username().isBlank() ? null : redis.username())
                    .password(redis.password());
        }
        return new JedisPooled(new HostAndPort(redis.host(), redis.port()), config.build());
    }
}
