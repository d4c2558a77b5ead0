package com.aggpay.merchant.app;

import com.aggpay.merchant.merchant.MerchantState;
import java.time.OffsetDateTime;

/**
 * The answer of {@code GET /internal/apps/{app_id}} (docs/internals.md), secrets opened, for the gateway and
 * notify-service only (which gets no app secret: {@link #withoutAppSecret()}). Field names become snake_case through the service's JSON naming strategy.
 */
public record InternalAppView(String appId, String mchNo, MerchantState merchantState, AppState appState,
                              String appSecret, String previousAppSecret, OffsetDateTime previousAppSecretValidUntil,
                              String webhookSecret, String webhookUrl, String rsaPublicKey, RateLimit rateLimit) {

    /** The view for services that sign webhooks but never verify a merchant's request. */
    public InternalAppView withoutAppSecret() {
        return new InternalAppView(appId, mchNo, merchantState, appState, null, null, null, webhookSecret, webhookUrl,
                rsaPublicKey, rateLimit);
    }

    /** Keeps the secrets out of any log line or exception message that prints this record. */
    @Override
    public String toString() {
        return "InternalAppView[appId=" + appId + ", mchNo=" + mchNo + ", merchantState=" + merchantState
                + ", appState=" + appState + ", rateLimit=" + rateLimit + ", secrets=<redacted>]";
    }
}
