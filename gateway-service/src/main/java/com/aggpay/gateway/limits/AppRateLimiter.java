package com.aggpay.gateway.limits;

import com.aggpay.gateway.app.MerchantAppInfo;
import com.aggpay.gateway.app.RateLimit;
import com.aggpay.gateway.config.GatewayProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each app's token bucket (Bucket4j), kept in Redis so every gateway instance draws from the same one.
 * The bucket's key carries the limit: when merchant-service's app info (cached ≤ 60 s) brings a new limit, the
 * next call uses a new, full bucket, and the old one expires from Redis once it would have refilled.
 */
@Component
public class AppRateLimiter {

    private static final String KEY_PREFIX = "aggpay:rate:";

    private final ProxyManager<String> buckets;
    private final RateLimit defaultLimit;
    /** One proxy per bucket, so concurrent calls of one app in this instance are batched into one Redis exchange. */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(2)).build();

    @Autowired
    AppRateLimiter(UnifiedJedis redis, GatewayProperties properties) {
        this(proxyManager(redis), properties.defaultRateLimit());
    }

    AppRateLimiter(ProxyManager<String> buckets, RateLimit defaultLimit) {
        this.buckets = buckets;
        this.defaultLimit = defaultLimit;
    }

    /** Buckets expire from Redis 10 s after they would be full again: an idle app leaves nothing behind. */
    public static ProxyManager<String> proxyManager(UnifiedJedis redis) {
        return Bucket4jJedis.casBasedBuilder(redis)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .keyMapper(Mapper.STRING)
                .build();
    }

    public static String bucketKey(String appId, RateLimit limit) {
        return KEY_PREFIX + appId + ":" + limit.perSecond() + "/s:" + limit.burst();
    }

    /** {@code burst} tokens at most, refilled smoothly at {@code perSecond}. */
    public static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build();
    }

    /** Takes one token for a call of this app; errors when Redis cannot be asked (the caller fails closed). */
    public Mono<Decision> tryAcquire(MerchantAppInfo app) {
        RateLimit limit = app.rateLimitOr(defaultLimit);
        String key = bucketKey(app.appId(), limit);
        // Jedis blocks: keep it off the event loop.
        return Mono.fromCallable(() -> decide(proxies.get(key, k -> buckets.builder()
                        .withOptimization(Optimizations.batching())
                        .build(k, () -> configuration(limit))).tryConsumeAndReturnRemaining(1)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Decision decide(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new Decision.Allowed();
        }
        long seconds = (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
        return new Decision.Limited(Math.max(1, seconds));
    }

    public sealed interface Decision {

        record Allowed() implements Decision {
        }

        /** @param retryAfterSeconds whole seconds until a token is back, at least 1 ({@code Retry-After}) */
        record Limited(long retryAfterSeconds) implements Decision {
        }
    }
}
