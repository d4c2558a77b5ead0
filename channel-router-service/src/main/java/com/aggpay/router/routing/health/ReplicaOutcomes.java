package com.aggpay.router.routing.health;

import com.aggpay.router.SharedStateFailures;
import com.aggpay.router.routing.WindowStats;
import com.aggpay.router.routing.health.HealthWindows.WayKey;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * The outcomes the other router replicas saw, shared through Redis, so that every replica ranks channels on the
 * attempts of all of them (one replica alone would keep sending trades to a channel another has seen break). A
 * replica queues its outcomes and writes them in batches every {@code flush-period} (a trade never waits on Redis);
 * it reads the others' back every {@code refresh-period} into an immutable view, and routing reads only that view.
 *
 * <p>Redis holds one hash per second, {@code <prefix>:health:<epoch second>}, expiring {@code max-age} (+2 s) after its
 * last write, with fields {@code <replica>|<channel>|<pay way>|n}, {@code …|ok} and {@code …|l<latency bucket>}
 * ({@link LatencyBuckets}). Each replica skips its own fields: what it saw itself it has exactly, in
 * {@link HealthWindows}. Per replica, the view keeps the most recent {@code window-size} outcomes within
 * {@code max-age}, as the local windows do, whole seconds at a time (the second that crosses the size counts in
 * proportion). Buckets written late — a replica's flush delay, clocks a few seconds apart — are read again until they
 * are {@value #SETTLE_SECONDS} s old.
 */
@Component
public class ReplicaOutcomes implements AutoCloseable {

    /** The other replicas' recent outcomes of one channel, every pay way. */
    record ChannelOutcomes(int samples, int successes, NavigableMap<Integer, Long> latencyBuckets) {
        static final ChannelOutcomes NONE = new ChannelOutcomes(0, 0, Collections.emptyNavigableMap());
    }

    private record Outcome(long at, String channel, String payWay, boolean success, long latencyMs) {
    }

    /** One replica's outcomes of a channel for a pay way ({@code payWay} null: all pay ways of the channel). */
    private record Series(String replica, String channel, String payWay) {
    }

    private record View(Map<WayKey, WindowStats> ways, Map<String, ChannelOutcomes> channels) {
        static final View EMPTY = new View(Map.of(), Map.of());
    }

    /** Outcomes counted together: one second of a series as read, or a series' window as it is summed up. */
    private static final class Counts {
        long n;
        long ok;
        final NavigableMap<Integer, Long> latency = new TreeMap<>();

        void add(Counts other) {
            n += other.n;
            ok += other.ok;
            LatencyBuckets.add(latency, other.latency);
        }

        /** As much of {@code second} as the window still holds; the second that crosses the size counts in part. */
        void takeUpTo(Counts second, int size) {
            long take = Math.min(second.n, size - n);
            if (take <= 0) {
                return;
            }
            ok += take == second.n ? second.ok : Math.round((double) second.ok * take / second.n);
            n += take;
            LatencyBuckets.add(latency, second.latency);
        }
    }

    static final int SETTLE_SECONDS = 5;
    /** Seconds read ahead of this replica's clock, for a writer whose clock runs a little fast. */
    private static final int AHEAD_SECONDS = 1;
    /** Outcomes waiting for the next flush at most; beyond that (Redis away for long) they stay local only. */
    private static final int MAX_PENDING = 100_000;

    private final JedisPooled redis;
    private final String keyPrefix;
    private final HealthWindowProperties properties;
    private final Clock clock;
    private final SharedStateFailures failures;
    private final String replica = UUID.randomUUID().toString().substring(0, 8);
    private final BlockingQueue<Outcome> pending = new ArrayBlockingQueue<>(MAX_PENDING);
    // read and written only by the scheduler's one thread
    private final NavigableMap<Long, Map<Series, Counts>> seen = new TreeMap<>();
    private long settledThrough = Long.MIN_VALUE / 2;
    private volatile View view = View.EMPTY;
    private ScheduledExecutorService scheduler;

    public ReplicaOutcomes(JedisPooled redis, @Value("${aggpay.router.quota-key-prefix}") String prefix,
                           HealthWindowProperties properties, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.keyPrefix = prefix + ":health:";
        this.properties = properties;
        this.clock = clock;
        this.failures = new SharedStateFailures(meters, "health");
    }

    /** Starts writing and reading on a thread of its own, so that a slow Redis delays nothing else. */
    @PostConstruct
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "router-health-replicas");
            t.setDaemon(true);
            return t;
        });
        long flush = properties.flushPeriod().toMillis();
        long refresh = properties.refreshPeriod().toMillis();
        scheduler.scheduleWithFixedDelay(this::flush, flush, flush, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh, TimeUnit.MILLISECONDS);
    }

    /** Hands over what is still queued, so the other replicas keep counting it after this one stops. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        scheduler = null;
        flush();
    }

    /** Queues one outcome for the other replicas; never blocks and never throws. */
    void offer(long at, String channel, String payWay, boolean success, long latencyMs) {
        if (!pending.offer(new Outcome(at, channel, payWay, success, latencyMs))) {
            failures.failed("queue", new IllegalStateException(MAX_PENDING + " outcomes waiting for Redis"));
        }
    }

    /** The other replicas' stats, as of the last refresh. */
    WindowStats stats(String channel, String payWay) {
        return view.ways().getOrDefault(new WayKey(channel, payWay), WindowStats.NONE);
    }

    ChannelOutcomes channel(String channel) {
        return view.channels().getOrDefault(channel, ChannelOutcomes.NONE);
    }

    void flush() {
        List<Outcome> batch = new ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Map<String, Long>> increments = new LinkedHashMap<>();
        for (Outcome o : batch) {
            Map<String, Long> fields = increments.computeIfAbsent(keyPrefix + o.at() / 1000,
                    k -> new LinkedHashMap<>());
            String series = replica + '|' + o.channel() + '|' + o.payWay() + '|';
            fields.merge(series + "n", 1L, Long::sum);
            if (o.success()) {
                fields.merge(series + "ok", 1L, Long::sum);
            }
            fields.merge(series + "l" + LatencyBuckets.index(o.latencyMs()), 1L, Long::sum);
        }
        long ttl = properties.maxAge().toMillis() + 2000;
        try (AbstractPipeline pipe = redis.pipelined()) {
            increments.forEach((key, fields) -> {
                fields.forEach((field, by) -> pipe.hincrBy(key, field, by));
                pipe.pexpire(key, ttl);
            });
            pipe.sync();
            failures.succeeded();
        } catch (RuntimeException e) {
            // these outcomes stay in this replica's own windows; the others never see them
            failures.failed("flush", e);
        }
    }

    void refresh() {
        long now = clock.millis();
        long second = now / 1000;
        long oldest = (now - properties.maxAge().toMillis()) / 1000 - 1;
        long from = Math.max(oldest, Math.min(settledThrough + 1, second - SETTLE_SECONDS));
        try (AbstractPipeline pipe = redis.pipelined()) {
            Map<Long, Response<Map<String, String>>> read = new LinkedHashMap<>();
            for (long s = from; s <= second + AHEAD_SECONDS; s++) {
                read.put(s, pipe.hgetAll(keyPrefix + s));
            }
            pipe.sync();
            read.forEach((s, hash) -> {
                Map<Series, Counts> others = othersIn(hash.get());
                if (others.isEmpty()) {
                    seen.remove(s);
                } else {
                    seen.put(s, others);
                }
            });
            settledThrough = second - SETTLE_SECONDS;
            failures.succeeded();
        } catch (RuntimeException e) {
            // keep what was read before: it is still what the others saw, and it ages out below
            failures.failed("refresh", e);
        }
        seen.headMap(oldest).clear();
        view = viewAt(now);
    }

    private Map<Series, Counts> othersIn(Map<String, String> hash) {
        Map<Series, Counts> bySeries = new HashMap<>();
        hash.forEach((field, value) -> {
            String[] parts = field.split("\\|");
            if (parts.length != 4 || parts[0].equals(replica)) {
                return;
            }
            Counts counts = bySeries.computeIfAbsent(new Series(parts[0], parts[1], parts[2]), k -> new Counts());
            long v = Long.parseLong(value);
            if (parts[3].equals("n")) {
                counts.n = v;
            } else if (parts[3].equals("ok")) {
                counts.ok = v;
            } else if (parts[3].startsWith("l")) {
                counts.latency.put(Integer.parseInt(parts[3].substring(1)), v);
            }
        });
        // a writer's pipeline is not atomic: a read between its increments may see a success before its count
        bySeries.values().forEach(c -> c.ok = Math.min(c.ok, c.n));
        return bySeries;
    }

    /** Each replica's most recent {@code window-size} outcomes within {@code max-age}, summed over the replicas. */
    private View viewAt(long now) {
        long maxAge = properties.maxAge().toMillis();
        int size = properties.windowSize();
        Map<Series, Counts> windows = new HashMap<>();
        for (Map.Entry<Long, Map<Series, Counts>> second : seen.descendingMap().entrySet()) {
            if (now - (second.getKey() * 1000 + 999) > maxAge) {
                break;
            }
            Map<Series, Counts> wholeChannels = new HashMap<>();
            second.getValue().forEach((series, counts) -> {
                windows.computeIfAbsent(series, k -> new Counts()).takeUpTo(counts, size);
                wholeChannels.computeIfAbsent(new Series(series.replica(), series.channel(), null),
                        k -> new Counts()).add(counts);
            });
            wholeChannels.forEach((series, counts) ->
                    windows.computeIfAbsent(series, k -> new Counts()).takeUpTo(counts, size));
        }
        Map<WayKey, Counts> ways = new HashMap<>();
        Map<String, Counts> channels = new HashMap<>();
        windows.forEach((series, counts) -> (series.payWay() == null
                ? channels.computeIfAbsent(series.channel(), k -> new Counts())
                : ways.computeIfAbsent(new WayKey(series.channel(), series.payWay()), k -> new Counts())).add(counts));
        Map<WayKey, WindowStats> wayStats = new HashMap<>();
        ways.forEach((way, c) -> wayStats.put(way, new WindowStats((int) c.n, (int) c.ok)));
        Map<String, ChannelOutcomes> channelOutcomes = new HashMap<>();
        channels.forEach((channel, c) -> channelOutcomes.put(channel,
                new ChannelOutcomes((int) c.n, (int) c.ok, Collections.unmodifiableNavigableMap(c.latency))));
        return new View(Map.copyOf(wayStats), Map.copyOf(channelOutcomes));
    }
}
