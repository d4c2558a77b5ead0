package com.aggpay.router;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

@Configuration
class RedisConfig {

    /** The ACL user and password are sent where they are set (a Redis that asks for them); a blank user is "default". */
    @Bean(destroyMethod = "close")
    JedisPooled jedis(@Value("${aggpay.redis.host}") String host, @Value("${aggpay.redis.port}") int port,
                      @Value("${aggpay.redis.username:}") String username,
                      @Value("${aggpay.redis.password:}") String password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().clientName("aggpay-router");
        if (!password.isBlank()) {
            config.user(username.isBlank() ? null : username).password(password);
        }
        return new JedisPooled(new HostAndPort(host, port), config.build());
    }
}
