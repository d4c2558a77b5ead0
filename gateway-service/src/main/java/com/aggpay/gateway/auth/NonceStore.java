package com.aggpay.gateway.auth;

import com.aggpay.gateway.config.GatewayProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** Remembers each app's nonces in Redis; one atomic SET NX decides, so parallel replays cannot both pass. */
@Component
class NonceStore {

    private final JedisPooled redis;
    private final long ttlSeconds;

    NonceStore(JedisPooled redis, GatewayProperties properties) {
        this.redis = redis;
        this.ttlSeconds = properties.nonceTtl().getSeconds();
    }

    /** True the first time this app uses this nonce; errors when Redis cannot be asked (fail closed). */
    Mono<Boolean> firstUse(String appId, String nonce) {
        String key = "aggpay:nonce:" + appId + ":" + nonce;
        // Jedis blocks: keep it off the event loop.
        return Mono.fromCallable(() -> "OK".equals(redis.set(key, "1", SetParams.setParams().nx().ex(ttlSeconds))))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
