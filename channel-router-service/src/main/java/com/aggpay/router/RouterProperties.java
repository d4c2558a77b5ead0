package com.aggpay.router;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl the gateway as channels reach it; channel callback URLs are built on it
 * @param maxAttempts   trades opened for one order at most (failover is bounded)
 */
@Validated
@ConfigurationProperties("aggpay.router")
public record RouterProperties(@NotBlank String publicBaseUrl, @Min(1) @Max(10) int maxAttempts) {
}
