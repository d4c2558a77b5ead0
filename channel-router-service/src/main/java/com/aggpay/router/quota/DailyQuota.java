package com.aggpay.router.quota;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * Daily amount caps per channel and per merchant-channel, in Redis so that every router instance shares them. A
 * trade reserves its amount before it is opened (atomically: both counters or neither) and gives it back if the
 * trade definitely never existed or was closed unpaid. Days are the channels' days (Asia/Shanghai).
 */
@Component
public class DailyQuota {

    /** KEYS: channel counter, merchant-channel counter; ARGV: amount, channel cap, merchant cap (-1 = none), ttl. */
    private static final String RESERVE = """
            local a = tonumber(ARGV[1])
            local c = tonumber(redis.call('GET', KEYS[1]) or '0')
            local m = tonumber(redis.call('GET', KEYS[2]) or '0')
            if tonumber(ARGV[2]) >= 0 and c + a > tonumber(ARGV[2]) then return 0 end
            if tonumber(ARGV[3]) >= 0 and m + a > tonumber(ARGV[3]) then return 0 end
            redis.call('INCRBY', KEYS[1], a); redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('INCRBY', KEYS[2], a); redis.call('EXPIRE', KEYS[2], ARGV[4])
            return 1""";
    private static final String RELEASE = """
            local a = tonumber(ARGV[1])
            for i = 1, 2 do
              local v = tonumber(redis.call('GET', KEYS[i]) or '0')
              if v > 0 then redis.call('DECRBY', KEYS[i], math.min(a, v)) end
            end
            return 1""";
    private static final ZoneId CHANNEL_DAY = ZoneId.of("Asia/Shanghai");
    private static final long TTL_SECONDS = 3 * 24 * 3600;

    private final JedisPooled redis;
    private final Clock clock;
    private final String prefix;

    public DailyQuota(JedisPooled redis, Clock clock,
                      @org.springframework.beans.factory.annotation.Value("${aggpay.router.quota-key-prefix}")
                      String prefix) {
        this.redis = redis;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** @param channelCap / merchantCap null = no cap; @return false when either cap would be exceeded */
    public boolean reserve(String channel, String mchNo, long amount, Long channelCap, Long merchantCap) {
        LocalDate day = today();
        Object r = redis.eval(RESERVE, List.of(channelKey(channel, day), merchantKey(channel, mchNo, day)),
                List.of(Long.toString(amount), Long.toString(channelCap == null ? -1 : channelCap),
                        Long.toString(merchantCap == null ? -1 : merchantCap), Long.toString(TTL_SECONDS)));
        return Long.valueOf(1).equals(r);
    }

    public void release(String channel, String mchNo, long amount, LocalDate day) {
        redis.eval(RELEASE, List.of(channelKey(channel, day), merchantKey(channel, mchNo, day)),
                List.of(Long.toString(amount)));
    }

    public long usedToday(String channel) {
        String v = redis.get(channelKey(channel, today()));
        return v == null ? 0 : Long.parseLong(v);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHANNEL_DAY));
    }

    private String channelKey(String channel, LocalDate day) {
        return prefix + ":quota:" + channel + ":" + day;
    }

    private String merchantKey(String channel, String mchNo, LocalDate day) {
        return prefix + ":quota:" + channel + ":" + mchNo + ":" + day;
    }
}
