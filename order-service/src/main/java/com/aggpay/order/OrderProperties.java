package com.aggpay.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** order-service settings, validated at start-up. */
@Validated
@ConfigurationProperties("aggpay")
public record OrderProperties(@NotBlank String topicPrefix, @NotNull Order order, @NotNull Outbox outbox) {

    /**
     * @param displayZone           the zone of times in the merchant API (RFC 3339 with this offset)
     * @param placementLeaseSeconds how long one request may be asking the router for an order's trade before a
     *                              repeat of the create request may ask again (longer than the router call)
     * @param allowPrivateTargets   local mode only: a notify_url may point at loopback and private addresses
     *                              (link-local and metadata addresses are refused in every profile)
     */
    public record Order(@NotNull ZoneId displayZone,
                        @Min(60) @Max(86400) int defaultExpireSeconds,
                        @Min(60) @Max(604800) int maxExpireSeconds,
                        @Min(1) @Max(300) int placementLeaseSeconds,
                        boolean allowPrivateTargets) {
    }

    public record Outbox(@Min(10) long pollIntervalMs, @Min(1) @Max(1000) int batchSize) {
    }
}
