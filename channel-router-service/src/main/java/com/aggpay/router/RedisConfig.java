package com.aggpay.router;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

@Configuration
class RedisConfig {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(@Value("${aggpay.redis.host}") String host, @Value("${aggpay.redis.port}") int port) {
        return new JedisPooled(host, port);
    }
}
