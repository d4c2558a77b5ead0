package com.aggpay.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param clockSkew          how far a request's timestamp may be from our clock (API.md: ±300 s)
 * @param nonceTtl           how long a nonce is remembered (API.md: 15 min; must exceed twice the skew)
 * @param appCacheTtl        how long a found app is cached (internals.md: at most 60 s)
 * @param unknownAppCacheTtl how long "no such app" is cached: short, so a new app works almost at once
 * @param maxBodySize        largest merchant request body buffered for signature checks
 */
@Validated
@ConfigurationProperties("aggpay.gateway")
public record GatewayProperties(@NotNull Duration clockSkew, @NotNull Duration nonceTtl, @NotNull Duration appCacheTtl,
                                @NotNull Duration unknownAppCacheTtl, @NotNull DataSize maxBodySize) {

    public GatewayProperties {
        if (appCacheTtl != null && appCacheTtl.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("aggpay.gateway.app-cache-ttl must be at most 60 s");
        }
        if (nonceTtl != null && clockSkew != null && nonceTtl.compareTo(clockSkew.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("aggpay.gateway.nonce-ttl must cover the whole clock-skew window");
        }
    }
}
