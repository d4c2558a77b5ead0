package com.aggpay.merchant.operator.login;

import com.aggpay.merchant.operator.login.LoginBackoff.Failures;
import com.aggpay.merchant.operator.login.OperatorLoginProperties.Limit;
import com.aggpay.merchant.redis.RedisProperties;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Counts failed operator logins in Redis, so every merchant-service instance sees the same counts, under three keys:
 * one username from one address, one address, and one username from everywhere (see {@link OperatorLoginProperties}).
 * Each key is a hash {@code {n, last}} that expires one failure window after its latest failure; the waits follow
 * from it by {@link LoginBackoff}. A blocked attempt is not checked and not counted.
 */
@Component
public class LoginThrottle {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final JedisPooled redis;
    private final OperatorLoginProperties policy;
    private final Clock clock;
    private final String prefix;

    /** The operators' throttle. */
    @Autowired
    public LoginThrottle(JedisPooled redis, OperatorLoginProperties policy, RedisProperties redisProperties,
                         Clock clock) {
        this(redis, policy, redisProperties, clock, "operator-login");
    }

    /**
     * A throttle with the same policy over its own keys, {@code <prefix>:<scope>:…}: merchant users' logins count
     * apart from operators', so neither can slow the other down.
     */
    public LoginThrottle(JedisPooled redis, OperatorLoginProperties policy, RedisProperties redisProperties,
                         Clock clock, String scope) {
        this.redis = redis;
        this.policy = policy;
        this.clock = clock;
        this.prefix = redisProperties.keyPrefix() + ":" + scope + ":";
    }

    /** How long this username from this address must still wait; zero when it may try now. */
    public Duration waitBefore(String username, String address) {
        Keys keys = keys(username, address);
        List<Response<List<String>>> counts;
        try (var pipeline = redis.pipelined()) {
            counts = Arrays.stream(keys.all()).map(key -> pipeline.hmget(key, "n", "last")).toList();
            pipeline.sync();
        }
        Instant now = clock.instant();
        Duration base = policy.backoffBase();
        return longest(
                LoginBackoff.remaining(failures(counts.get(0)), policy.perAccountAndSource(), base, now),
                LoginBackoff.remaining(failures(counts.get(1)), policy.perSource(), base, now),
                LoginBackoff.remaining(failures(counts.get(2)), policy.perAccount(), base, now));
    }

    public void failed(String username, String address) {
        String now = Long.toString(clock.millis());
        long windowMillis = policy.failureWindow().toMillis();
        try (var pipeline = redis.pipelined()) {
            for (String key : keys(username, address).all()) {
                pipeline.hincrBy(key, "n", 1);
                pipeline.hset(key, "last", now);
                pipeline.pexpire(key, windowMillis);
            }
            pipeline.sync();
        }
    }

    /**
     * A success forgets this username's failures from this address (its owner's own typos); the address and the
     * account keep theirs, so a spray or a spread-out guesser stays visible.
     */
    public void succeeded(String username, String address) {
        redis.del(keys(username, address).pair());
    }

    private Keys keys(String username, String address) {
        String account = accountKey(username);
        String source = sourceKey(address);
        return new Keys(prefix + "pair:" + account + ":" + source, prefix + "source:" + source,
                prefix + "account:" + account);
    }

    private record Keys(String pair, String source, String account) {

        String[] all() {
            return new String[] {pair, source, account};
        }
    }

    private static Failures failures(Response<List<String>> fields) {
        List<String> values = fields.get();
        if (values.get(0) == null || values.get(1) == null) {
            return Failures.NONE;
        }
        return new Failures(Long.parseLong(values.get(0)), Instant.ofEpochMilli(Long.parseLong(values.get(1))));
    }

    private static Duration longest(Duration... waits) {
        return Arrays.stream(waits).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * The operator table's collation ignores case, so "Admin" is the same account as "admin". Hashed: the typed
     * name may be anything (even a password typed into the wrong field), and keys are visible to whoever reads Redis.
     */
    static String accountKey(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One source per IPv4 address and per IPv6 /64: a single subscriber is handed a whole /64, so counting single
     * IPv6 addresses would give one attacker billions of fresh sources.
     */
    static String sourceKey(String address) {
        // Only an IPv6 literal is parsed: InetAddress would look anything else that is not a literal up in DNS.
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
