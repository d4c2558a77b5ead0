package com.aggpay.gateway.auth;

import com.aggpay.contracts.signing.OperatorToken;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import redis.clients.jedis.JedisPooled;

/**
 * Whether merchant-service revoked an operator token: by logout (the token's {@code jti}) or by disabling its operator
 * (every token of that operator expiring at or before a cut-off). merchant-service writes both keys
 * (docs/internals.md, "Operator token revocations"); one MGET per operator call reads them, uncached, so a revocation
 * holds from the next call on.
 */
@Component
class OperatorRevocations {

    enum Standing {
        GOOD,
        /** logged out */
        TOKEN_REVOKED,
        /** issued before its operator was disabled */
        OPERATOR_TOKENS_REVOKED
    }

    private final JedisPooled redis;
    private final String prefix;

    OperatorRevocations(JedisPooled redis, @Value("${aggpay.redis.key-prefix:aggpay}") String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + ":operator-token:";
    }

    /** Errors when Redis cannot be asked: the caller refuses the call (fail closed). */
    Mono<Standing> of(OperatorToken.Claims claims) {
        // Jedis blocks: keep it off the event loop.
        return Mono.fromCallable(() -> standing(claims, redis.mget(prefix + "revoked:" + claims.jti(),
                        prefix + "expired-by:" + claims.subject().toLowerCase(Locale.ROOT))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Standing standing(OperatorToken.Claims claims, List<String> values) {
        if (values.get(0) != null) {
            return Standing.TOKEN_REVOKED;
        }
        String cutOff = values.get(1);
        if (cutOff == null) {
            return Standing.GOOD;
        }
        try {
            return claims.expiresAt().getEpochSecond() <= Long.parseLong(cutOff)
                    ? Standing.OPERATOR_TOKENS_REVOKED : Standing.GOOD;
        } catch (NumberFormatException e) {
            // Not what merchant-service writes: refuse rather than guess.
            return Standing.OPERATOR_TOKENS_REVOKED;
        }
    }
}
