package com.aggpay.gateway.config;

import com.aggpay.gateway.app.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param clockSkew          how far a request's timestamp may be from our clock (API.md: ±300 s)
 * @param nonceTtl           how long a nonce is remembered (API.md: 15 min; must exceed twice the skew)
 * @param appCacheTtl        how long a found app is cached (internals.md: at most 60 s); also how long an app's new
 *                           rate limit takes to apply
 * @param unknownAppCacheTtl how long "no such app" is cached: short, so a new app works almost at once
 * @param bodyLimits         largest request body per kind of route, refused with 413 before it is buffered
 * @param defaultRateLimit   the limit of an app for which merchant-service sends none
 */
@Validated
@ConfigurationProperties("aggpay.gateway")
public record GatewayProperties(@NotNull Duration clockSkew, @NotNull Duration nonceTtl, @NotNull Duration appCacheTtl,
                                @NotNull Duration unknownAppCacheTtl, @NotNull @Valid BodyLimits bodyLimits,
                                @NotNull RateLimit defaultRateLimit) {

    public GatewayProperties {
        if (appCacheTtl != null && appCacheTtl.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("aggpay.gateway.app-cache-ttl must be at most 60 s");
        }
        if (nonceTtl != null && clockSkew != null && nonceTtl.compareTo(clockSkew.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("aggpay.gateway.nonce-ttl must cover the whole clock-skew window");
        }
        if (defaultRateLimit != null && !defaultRateLimit.usable()) {
            throw new IllegalArgumentException("aggpay.gateway.default-rate-limit needs per-second and burst above 0");
        }
    }

    /**
     * @param merchantApi      {@code /api/v1/**}: merchant calls, buffered whole for the signature check
     * @param channelCallbacks {@code /api/v1/channel-notify/**}: unauthenticated until the router checks them
     * @param portal           {@code /api/portal/**}: carries the licence upload
     * @param other            every other path
     */
    public record BodyLimits(@NotNull DataSize merchantApi, @NotNull DataSize channelCallbacks, @NotNull DataSize portal,
                             @NotNull DataSize other) {

        public BodyLimits {
            for (DataSize limit : new DataSize[] {merchantApi, channelCallbacks, portal, other}) {
                if (limit != null && (limit.toBytes() <= 0 || limit.toBytes() > Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException("aggpay.gateway.body-limits: each limit is 1 B … 2 GB");
                }
            }
        }

        /** By the path as routes match it (percent-decoded), so a disguised path gets no larger limit. */
        public DataSize forPath(String path) {
            if (path.startsWith("/api/v1/channel-notify/") || path.equals("/api/v1/channel-notify")) {
                return channelCallbacks;
            }
            if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
                return merchantApi;
            }
            if (path.startsWith("/api/portal/") || path.equals("/api/portal")) {
                return portal;
            }
            return other;
        }
    }
}
