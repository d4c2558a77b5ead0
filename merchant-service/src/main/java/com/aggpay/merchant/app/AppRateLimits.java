package com.aggpay.merchant.app;

import com.aggpay.merchant.audit.AuditAction;
import com.aggpay.merchant.audit.AuditTrail;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each app's request limit: its own once an operator set one, else the platform default. The gateway reads it with
 * the app ({@code GET /internal/apps/{app_id}}) and enforces it.
 */
@Service
@EnableConfigurationProperties(AppsProperties.class)
public class AppRateLimits {

    private final MerchantApps apps;
    private final AuditTrail auditTrail;
    private final RateLimit platformDefault;

    public AppRateLimits(MerchantApps apps, AuditTrail auditTrail, AppsProperties properties) {
        this.apps = apps;
        this.auditTrail = auditTrail;
        this.platformDefault = properties.defaultRateLimit().toLimit();
    }

    /** The answer of {@code PUT /api/admin/apps/{app_id}/rate-limit}. */
    public record AppRateLimitView(String appId, int perSecond, int burst) {
    }

    public sealed interface Change {

        record Done(AppRateLimitView limit) implements Change {
        }

        record UnknownApp() implements Change {
        }
    }

    public RateLimit of(MerchantApp app) {
        return hasOwn(app) ? new RateLimit(app.getRateLimitPerSecond(), app.getRateLimitBurst()) : platformDefault;
    }

    /** The row is locked while it changes, so the audited "before" is the state this change replaced. */
    @Transactional
    public Change set(String operator, String appId, RateLimit limit) {
        MerchantApp app = apps.selectOne(Wrappers.<MerchantApp>lambdaQuery().eq(MerchantApp::getAppId, appId)
                .last("FOR UPDATE"));
        if (app == null) {
            return new Change.UnknownApp();
        }
        Map<String, Object> before = audited(of(app), !hasOwn(app));
        apps.update(null, Wrappers.<MerchantApp>lambdaUpdate()
                .set(MerchantApp::getRateLimitPerSecond, limit.perSecond())
                .set(MerchantApp::getRateLimitBurst, limit.burst())
                .eq(MerchantApp::getAppId, app.getAppId()));
        auditTrail.record(operator, AuditAction.APP_RATE_LIMIT_CHANGED, "app:" + app.getAppId(), before,
                audited(limit, false));
        return new Change.Done(new AppRateLimitView(app.getAppId(), limit.perSecond(), limit.burst()));
    }

    private static boolean hasOwn(MerchantApp app) {
        return app.getRateLimitPerSecond() != null && app.getRateLimitBurst() != null;
    }

    private static Map<String, Object> audited(RateLimit limit, boolean platformDefault) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("per_second", limit.perSecond());
        state.put("burst", limit.burst());
        state.put("platform_default", platformDefault);
        return state;
    }
}
