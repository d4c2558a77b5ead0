package com.aggpay.contracts.service;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * The one Redis client of every service that sets {@code aggpay.redis.host}: {@code aggpay.redis.port}, the ACL user and
 * password where the server asks for them ({@code username}, {@code password}; required outside local and test, see
 * {@link BrokerCredentials}), and short timeouts ({@code timeout}, default 1 s): nonces, quotas, throttles and
 * revocations are read inline, and a stuck Redis must fail the request fast rather than hold it.
 */
@AutoConfiguration
@ConditionalOnClass(name = "redis.clients.jedis.JedisPooled")
@ConditionalOnProperty(prefix = "aggpay.redis", name = "host")
public class RedisClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(UnifiedJedis.class)
    JedisPooled jedis(Environment env) {
        int timeout = (int) env.getProperty("aggpay.redis.timeout", Duration.class, Duration.ofSeconds(1)).toMillis();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout)
                .clientName("aggpay-" + env.getProperty("spring.application.name", "service"));
        String password = env.getProperty("aggpay.redis.password", "");
        if (!password.isBlank()) {
            String username = env.getProperty("aggpay.redis.username", "");
            config.user(username.isBlank() ? null : username).password(password);
        }
        return new JedisPooled(new HostAndPort(env.getRequiredProperty("aggpay.redis.host"),
                env.getProperty("aggpay.redis.port", Integer.class, 6379)), config.build());
    }
}
