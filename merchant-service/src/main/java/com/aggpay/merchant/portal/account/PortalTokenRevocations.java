package com.aggpay.merchant.portal.account;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.redis.RedisProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Revoked portal tokens, by token id, in Redis so that every merchant-service instance refuses them: written at
 * logout, read on every portal call ({@code <prefix>:portal-token:revoked:<jti>}, kept until the token expires anyway).
 * A disabled user's tokens need no entry: the user row is read on every call.
 */
@Component
public class PortalTokenRevocations {

    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(5);

    private final JedisPooled redis;
    private final String prefix;

    public PortalTokenRevocations(JedisPooled redis, RedisProperties properties) {
        this.redis = redis;
        this.prefix = properties.keyPrefix() + ":portal-token:revoked:";
    }

    public void revoke(OperatorToken.Claims token) {
        long keepUntil = token.expiresAt().plus(KEEP_AFTER_EXPIRY).toEpochMilli();
        redis.set(prefix + token.jti(), "1", SetParams.setParams().pxAt(keepUntil));
    }

    public boolean isRevoked(OperatorToken.Claims token) {
        return redis.exists(prefix + token.jti());
    }
}
