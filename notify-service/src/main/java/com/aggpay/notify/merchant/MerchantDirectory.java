package com.aggpay.notify.merchant;

import com.aggpay.notify.config.NotifyProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import feign.FeignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets and URLs by app, cached for at most {@code app-cache-ttl} (≤ 60 s, so a rotated secret is used
 * within a minute). Concurrent lookups of one app share one call. Only found apps are cached: an unknown app
 * or an outage is asked again next time.
 */
@Component
public class MerchantDirectory {

    private static final Logger log = LoggerFactory.getLogger(MerchantDirectory.class);

    private final MerchantApps merchantApps;
    private final Cache<String, AppInfo> cache;

    MerchantDirectory(MerchantApps merchantApps, NotifyProperties properties) {
        this.merchantApps = merchantApps;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.appCacheTtl())
                .maximumSize(100_000)
                .build();
    }

    public AppLookup find(String appId) {
        try {
            AppInfo app = cache.get(appId, merchantApps::app);
            return app == null ? new AppLookup.Unknown() : new AppLookup.Found(app);
        } catch (FeignException.NotFound e) {
            return new AppLookup.Unknown();
        } catch (RuntimeException e) {
            // Feign wraps connection failures and 5xx alike; none of them is the merchant's fault.
            log.warn("event=MERCHANT_SERVICE_UNAVAILABLE app_id={} error={}", appId, e.getClass().getSimpleName());
            return new AppLookup.Unavailable("MERCHANT_SERVICE_UNAVAILABLE");
        }
    }
}
