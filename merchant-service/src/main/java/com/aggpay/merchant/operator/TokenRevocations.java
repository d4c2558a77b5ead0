package com.aggpay.merchant.operator;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.redis.RedisProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Writes operator token revocations where the gateway reads them on every operator call (docs/internals.md):
 * <ul>
 *   <li>{@code <prefix>:operator-token:revoked:<jti>}: this one token, kept until it expires anyway;</li>
 *   <li>{@code <prefix>:operator-token:expired-by:<username lowercased>} = epoch seconds E: every token of this
 *   operator whose {@code exp} is at or before E. Set to "disabled at + token TTL", so it covers every token issued
 *   until then and none issued later; only the token's own {@code exp} is compared, so no clock but the issuer's
 *   matters.</li>
 * </ul>
 * Failures throw: the caller's transaction then rolls back, and the operator sees the change did not happen.
 */
@Component
public class TokenRevocations {

    /** Sets the cut-off only if it is later than the one stored, so an older disable never shortens a newer one. */
    private static final String RAISE_CUT_OFF = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1], 'EXAT', ARGV[2])
            end
            return 0
            """;
    /** Lowers the cut-off to a cap, so tokens issued from then on are good again; a lower one stays as it is. */
    private static final String LOWER_CUT_OFF = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
            if current > tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            end
            return 0
            """;
    /** Kept a little past the last token it covers, against clocks of the gateway running a little behind. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(5);

    private final JedisPooled redis;
    private final String prefix;

    public TokenRevocations(JedisPooled redis, RedisProperties properties) {
        this.redis = redis;
        this.prefix = properties.keyPrefix() + ":operator-token:";
    }

    public void revoke(OperatorToken.Claims token) {
        long keepUntil = token.expiresAt().plus(KEEP_AFTER_EXPIRY).toEpochMilli();
        redis.set(prefix + "revoked:" + token.jti(), "1", SetParams.setParams().pxAt(keepUntil));
    }

    /** Revokes every token of {@code username} issued up to {@code issuedUpTo} when tokens live {@code tokenTtl}. */
    public void revokeAllOf(String username, Instant issuedUpTo, Duration tokenTtl) {
        long cutOff = issuedUpTo.plus(tokenTtl).getEpochSecond();
        long keepUntil = cutOff + KEEP_AFTER_EXPIRY.toSeconds();
        redis.eval(RAISE_CUT_OFF, List.of(cutOffKey(username)), List.of(Long.toString(cutOff), Long.toString(keepUntil)));
    }

    /**
     * After a re-enable: tokens issued from {@code enabledAt} on are good again, however far the disable's cut-off
     * reached to cover logins that were in flight; every token issued before {@code disabledAt} stays revoked.
     */
    public void allowFrom(String username, Instant disabledAt, Instant enabledAt, Duration tokenTtl) {
        long cap = Math.max(enabledAt.plus(tokenTtl).getEpochSecond() - 1, disabledAt.plus(tokenTtl).getEpochSecond());
        redis.eval(LOWER_CUT_OFF, List.of(cutOffKey(username)), List.of(Long.toString(cap)));
    }

    private String cutOffKey(String username) {
        return prefix + "expired-by:" + username.toLowerCase(Locale.ROOT);
    }
}
