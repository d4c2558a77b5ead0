package com.aggpay.gateway.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** merchant-service's {@code GET /internal/apps/{app_id}} answer (docs/internals.md), secrets in the clear. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MerchantAppInfo(
        @JsonProperty("app_id") String appId,
        @JsonProperty("mch_no") String mchNo,
        @JsonProperty("merchant_state") String merchantState,
        @JsonProperty("app_state") String appState,
        @JsonProperty("app_secret") String appSecret,
        // after a rotation: the previous secret, which still verifies until the time given (API.md)
        @JsonProperty("previous_app_secret") String previousAppSecret,
        @JsonProperty("previous_app_secret_valid_until") Instant previousAppSecretValidUntil,
        @JsonProperty("webhook_secret") String webhookSecret,
        @JsonProperty("webhook_url") String webhookUrl,
        @JsonProperty("rsa_public_key") String rsaPublicKey,
        @JsonProperty("rate_limit") RateLimit rateLimit) {

    /** API.md: only an approved merchant's enabled app may call the merchant API. */
    public boolean mayCall() {
        return "APPROVED".equals(merchantState) && "ACTIVE".equals(appState) && mchNo != null;
    }

    /** The app's own limit when merchant-service sent a usable one, else the platform default. */
    public RateLimit rateLimitOr(RateLimit fallback) {
        return rateLimit != null && rateLimit.usable() ? rateLimit : fallback;
    }

    /** The rotated-out secret while its grace period lasts, else null. */
    public String previousSecretAt(Instant now) {
        return previousAppSecret != null && previousAppSecretValidUntil != null
                && now.isBefore(previousAppSecretValidUntil) ? previousAppSecret : null;
    }

    /** Keeps the secrets out of any log line or exception message that prints this record. */
    @Override
    public String toString() {
        return "MerchantAppInfo[appId=" + appId + ", mchNo=" + mchNo + ", merchantState=" + merchantState
                + ", appState=" + appState + ", rateLimit=" + rateLimit + ", secrets=<redacted>]";
    }
}
