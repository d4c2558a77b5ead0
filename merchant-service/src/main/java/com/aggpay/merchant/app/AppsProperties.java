package com.aggpay.merchant.app;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultRateLimit the limit of every app that has none of its own ({@code merchant_app.rate_limit_*} NULL):
 *                         new apps, and every app once this default changes
 */
@Validated
@ConfigurationProperties("aggpay.apps")
public record AppsProperties(DefaultRateLimit defaultRateLimit) {

    public AppsProperties {
        if (defaultRateLimit == null) {
            throw new IllegalArgumentException("set aggpay.apps.default-rate-limit.per-second and .burst");
        }
        if (RateLimit.of(defaultRateLimit.perSecond(), defaultRateLimit.burst())
                instanceof RateLimit.Checked.Invalid invalid) {
            throw new IllegalArgumentException("aggpay.apps.default-rate-limit: " + invalid.detail());
        }
    }

    public record DefaultRateLimit(@Min(1) int perSecond, @Min(1) int burst) {

        RateLimit toLimit() {
            return new RateLimit(perSecond, burst);
        }
    }
}
