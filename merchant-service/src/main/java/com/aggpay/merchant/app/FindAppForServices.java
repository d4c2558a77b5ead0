package com.aggpay.merchant.app;

import com.aggpay.contracts.crypto.SecretBox;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;

/** Looks up an app with its merchant and opens its secrets, for the platform's own services. */
@Service
public class FindAppForServices {

    private final MerchantApps apps;
    private final Merchants merchants;
    private final SecretBox secretBox;
    private final AppRateLimits rateLimits;
    private final Clock clock;

    public FindAppForServices(MerchantApps apps, Merchants merchants, SecretBox secretBox, AppRateLimits rateLimits,
                              Clock clock) {
        this.clock = clock;
        this.apps = apps;
        this.merchants = merchants;
        this.secretBox = secretBox;
        this.rateLimits = rateLimits;
    }

    public InternalAppView find(String appId) {
        MerchantApp app = apps.findById(appId)
                .orElseThrow(() -> new ApiException(ErrorCode.APP_UNKNOWN, "No app with this app_id.", "app_id"));
        Merchant merchant = merchants.findById(app.getMerchantId())
                .orElseThrow(() -> new IllegalStateException("app " + appId + " has no merchant row"));
        // A rotated-out secret is sent only while it still verifies (API.md: the grace period after a rotation).
        LocalDateTime graceEnd = app.getPreviousSecretValidUntil();
        boolean inGrace = app.getPreviousAppSecretEnc() != null && graceEnd != null
                && graceEnd.isAfter(LocalDateTime.now(clock));
        return new InternalAppView(app.getAppId(), merchant.getMchNo(), merchant.getState(), app.getState(),
                secretBox.open(app.getAppSecretEnc()), inGrace ? secretBox.open(app.getPreviousAppSecretEnc()) : null,
                inGrace ? graceEnd.atOffset(ZoneOffset.UTC) : null, secretBox.open(app.getWebhookSecretEnc()),
                app.getWebhookUrl(), app.getRsaPublicKey(), rateLimits.of(app));
    }
}
