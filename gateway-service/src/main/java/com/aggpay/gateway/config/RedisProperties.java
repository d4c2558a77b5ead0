package com.aggpay.gateway.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code username} / {@code password}: the Redis ACL user, where the server asks for one. */
@Validated
@ConfigurationProperties("aggpay.redis")
public record RedisProperties(@NotBlank String host, int port, String username, String password) {

    @Override
    public String toString() {
        return "RedisProperties[host=" + host + ", port=" + port + ", username=" + username + ", password=<hidden>]";
    }
}
