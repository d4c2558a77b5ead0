package com.aggpay.merchant.operator.login;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed operator logins per username and per client address over a sliding window. In memory, per
 * instance: enough for the one or two merchant-service instances the console needs, and it forgets on restart;
 * several instances each allow the full budget (a shared Redis counter would close that).
 */
@Component
public class LoginThrottle {

    /** Above this many tracked keys, keys without recent failures are dropped before a new one is added. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final OperatorLoginProperties properties;
    private final Clock clock;

    public LoginThrottle(OperatorLoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** True when the username or the address used up its failures; such a login is not even checked. */
    public boolean blocked(String username, String address) {
        Instant now = clock.instant();
        return recent(userKey(username), now) >= properties.maxFailuresPerUsername()
                || recent(addressKey(address), now) >= properties.maxFailuresPerAddress();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> recent(e.getKey(), now) == 0);
        }
        add(userKey(username), now);
        add(addressKey(address), now);
    }

    /** A success clears the username's failures; the address keeps its count, a spray stays visible. */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            // Never more than the larger limit is needed to decide.
            while (times.size() > Math.max(properties.maxFailuresPerUsername(), properties.maxFailuresPerAddress())) {
                times.removeFirst();
            }
        }
    }

    private int recent(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = now.minus(properties.failureWindow());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    /** The operator table's collation ignores case, so "Admin" is the same account as "admin". */
    private static String userKey(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return "user:" + (key.length() > 64 ? key.substring(0, 64) : key);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
