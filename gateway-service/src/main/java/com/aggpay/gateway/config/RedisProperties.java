package com.aggpay.gateway.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

@Validated
@ConfigurationProperties("aggpay.redis")
public record RedisProperties(@NotBlank String host, int port) {
}
