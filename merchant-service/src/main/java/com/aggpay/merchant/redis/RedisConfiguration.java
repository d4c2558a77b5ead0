package com.aggpay.merchant.redis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The key prefix and connection settings of {@code aggpay.redis}, validated at start-up. The client itself
 * ({@code JedisPooled}, short timeouts, the ACL user where set) is contracts' RedisClientAutoConfiguration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {
}
