package com.aggpay.router.circuit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The circuits router replicas share, in Redis: {@code <prefix>:circuit:<channel>} holds the replica whose breaker
 * opened, for as long as its breaker stays open (TTL = wait-in-open); {@code <prefix>:circuit:<channel>:resets}
 * counts operators' resets (kept twice wait-in-open, long enough for every replica to notice); the set
 * {@code <prefix>:circuits} names the channels that have either, so that readers need no key scan (it expires with
 * the last of them). Plain I/O: it
 * throws when Redis does, and {@link ChannelCircuits} decides what that means.
 */
@Component
public class SharedCircuits {

    /**
     * What Redis says of one channel.
     *
     * @param openedBy the replica whose breaker is open, null when none is
     * @param openMs   how long it stays open, 0 when it is not
     * @param resets   operators' resets so far (0 once the count has expired)
     */
    public record Shared(String openedBy, long openMs, long resets) {
    }

    private final JedisPooled redis;
    private final String keyPrefix;

    public SharedCircuits(JedisPooled redis, @Value("${aggpay.router.quota-key-prefix}") String prefix) {
        this.redis = redis;
        this.keyPrefix = prefix;
    }

    void opened(String channel, String replica, Duration waitInOpen) {
        try (AbstractPipeline pipe = redis.pipelined()) {
            pipe.set(openKey(channel), replica, SetParams.setParams().px(waitInOpen.toMillis()));
            named(pipe, channel, waitInOpen);
            pipe.sync();
        }
    }

    /** @return the channel's reset count after this one */
    long reset(String channel, Duration waitInOpen) {
        try (AbstractPipeline pipe = redis.pipelined()) {
            pipe.del(openKey(channel));
            Response<Long> resets = pipe.incr(resetsKey(channel));
            pipe.pexpire(resetsKey(channel), 2 * waitInOpen.toMillis());
            named(pipe, channel, waitInOpen);
            pipe.sync();
            return resets.get();
        }
    }

    Map<String, Shared> read() {
        Map<String, Shared> byChannel = new HashMap<>();
        try (AbstractPipeline pipe = redis.pipelined()) {
            Map<String, Response<String>> owners = new HashMap<>();
            Map<String, Response<Long>> ttls = new HashMap<>();
            Map<String, Response<String>> resets = new HashMap<>();
            for (String channel : redis.smembers(channelsKey())) {
                owners.put(channel, pipe.get(openKey(channel)));
                ttls.put(channel, pipe.pttl(openKey(channel)));
                resets.put(channel, pipe.get(resetsKey(channel)));
            }
            pipe.sync();
            owners.forEach((channel, owner) -> {
                long ttl = ttls.get(channel).get();
                String count = resets.get(channel).get();
                boolean open = owner.get() != null && ttl > 0;
                byChannel.put(channel, new Shared(open ? owner.get() : null, open ? ttl : 0,
                        count == null ? 0 : Long.parseLong(count)));
            });
        }
        return byChannel;
    }

    /** The set outlives every key it names: it expires with the last resets count written. */
    private void named(AbstractPipeline pipe, String channel, Duration waitInOpen) {
        pipe.sadd(channelsKey(), channel);
        pipe.pexpire(channelsKey(), 2 * waitInOpen.toMillis());
    }

    private String openKey(String channel) {
        return keyPrefix + ":circuit:" + channel;
    }

    private String resetsKey(String channel) {
        return keyPrefix + ":circuit:" + channel + ":resets";
    }

    private String channelsKey() {
        return keyPrefix + ":circuits";
    }
}
