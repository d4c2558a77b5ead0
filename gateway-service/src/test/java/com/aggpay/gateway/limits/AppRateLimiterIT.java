package com.aggpay.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.gateway.app.MerchantAppInfo;
import com.aggpay.gateway.app.RateLimit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Against the real Redis, without a gateway: how an app's limit is chosen and changed. */
class AppRateLimiterIT {

    private static final JedisPooled REDIS = new JedisPooled("127.0.0.1", 6379);
    private final AppRateLimiter limiter = new AppRateLimiter(AppRateLimiter.proxyManager(REDIS), new RateLimit(1L, 1L));

    @AfterAll
    static void close() {
        REDIS.close();
    }

    @Test
    void an_app_without_its_own_limit_gets_the_default() {
        MerchantAppInfo app = app(null);

        assertThat(limiter.tryAcquire(app).block()).isInstanceOf(AppRateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire(app).block()).isEqualTo(new AppRateLimiter.Decision.Limited(1));
    }

    @Test
    void a_raised_limit_applies_from_the_first_call_that_sees_it() {
        String appId = "rl-" + UUID.randomUUID();
        limiter.tryAcquire(app(appId, new RateLimit(1L, 1L))).block();
        assertThat(limiter.tryAcquire(app(appId, new RateLimit(1L, 1L))).block())
                .isInstanceOf(AppRateLimiter.Decision.Limited.class);

        assertThat(limiter.tryAcquire(app(appId, new RateLimit(1000L, 2000L))).block())
                .isInstanceOf(AppRateLimiter.Decision.Allowed.class);
    }

    @Test
    void retry_after_is_the_whole_seconds_until_a_token_is_back() {
        MerchantAppInfo app = app(new RateLimit(1L, 5L));
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire(app).block();
        }

        assertThat(limiter.tryAcquire(app).block()).isEqualTo(new AppRateLimiter.Decision.Limited(1));
    }

    @Test
    void an_unusable_limit_from_merchant_service_falls_back_to_the_default() {
        MerchantAppInfo app = app(new RateLimit(0L, null));

        assertThat(limiter.tryAcquire(app).block()).isInstanceOf(AppRateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire(app).block()).isInstanceOf(AppRateLimiter.Decision.Limited.class);
    }

    private static MerchantAppInfo app(RateLimit limit) {
        return app("rl-" + UUID.randomUUID(), limit);
    }

    private static MerchantAppInfo app(String appId, RateLimit limit) {
        return new MerchantAppInfo(appId, "M1", "APPROVED", "ACTIVE", "s", null, null, "w", null, null, limit);
    }
}
