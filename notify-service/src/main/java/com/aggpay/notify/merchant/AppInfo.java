package com.aggpay.notify.merchant;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** What notify-service needs from merchant-service's {@code GET /internal/apps/{app_id}}; other members are ignored. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AppInfo(String appId, String mchNo, String appState, String webhookSecret, String webhookUrl) {

    /** Never print the secret: records would, and this object ends up in debug logs and exceptions. */
    @Override
    public String toString() {
        return "AppInfo[app_id=" + appId + ", mch_no=" + mchNo + ", app_state=" + appState + ", webhook_url="
                + webhookUrl + ", webhook_secret=" + (webhookSecret == null ? "null" : "***") + "]";
    }
}
