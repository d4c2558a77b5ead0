package com.aggpay.notify.delivery;

import com.aggpay.notify.domain.AttemptResult;
import com.aggpay.notify.domain.EndpointHealth;
import com.aggpay.notify.store.WebhookEndpointRow;
import com.aggpay.notify.store.WebhookEndpoints;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of merchants' webhook endpoints (one URL of one merchant each) as the delivery engine needs it on every
 * attempt, without a database round trip on every attempt: each endpoint is read at most every {@link #FRESH_FOR}
 * and written only when something changes (a failure, a success that ends a streak, a disabling). Another instance's
 * changes are therefore seen within {@link #FRESH_FOR}, except that a disabled state is always checked in the
 * database before an event is held for it: an endpoint enabled elsewhere is called again at once.
 */
public class EndpointRegistry {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(EndpointRegistry.class);

    private final WebhookEndpoints endpoints;
    private final DeliveryMetrics metrics;
    private final Duration disableAfter;
    private final Clock clock;
    private final Cache<String, WebhookEndpointRow> known = Caffeine.newBuilder()
            .expireAfterWrite(FRESH_FOR)
            .maximumSize(100_000)
            .build();

    public EndpointRegistry(WebhookEndpoints endpoints, DeliveryMetrics metrics, Duration disableAfter, Clock clock) {
        this.endpoints = endpoints;
        this.metrics = metrics;
        this.disableAfter = disableAfter;
        this.clock = clock;
    }

    /** The endpoint of this merchant and URL (created on first sight); blocking, so on a prepare thread only. */
    WebhookEndpointRow current(String mchNo, String url) {
        String key = key(mchNo, url);
        WebhookEndpointRow row = known.get(key, k -> endpoints.resolve(mchNo, url, clock.instant()));
        if (row.disabled()) {
            row = endpoints.resolve(mchNo, url, clock.instant());
            known.put(key, row);
        }
        return row;
    }

    /**
     * Counts an attempt's outcome into the endpoint's streak and disables it when {@link EndpointHealth} says so.
     *
     * @return whether the endpoint is disabled now
     */
    boolean afterAttempt(WebhookEndpointRow endpoint, AttemptResult result) {
        Instant now = clock.instant();
        String key = key(endpoint.mchNo, endpoint.url);
        if (EndpointHealth.endsStreak(result)) {
            if (endpoint.consecutiveFailures > 0 || !"ACTIVE".equals(endpoint.state)) {
                known.put(key, endpoints.recordSuccess(endpoint.id, now));
            }
            return false;
        }
        if (!EndpointHealth.countsAsFailure(result)) {
            return endpoint.disabled();
        }
        WebhookEndpointRow row = endpoints.recordFailure(endpoint.id, now);
        metrics.failureStreak(row.consecutiveFailures);
        Optional<EndpointHealth.DisabledReason> reason = EndpointHealth.disableAfterFailure(result, row.failingSince,
                now, disableAfter);
        if (reason.isPresent() && !row.disabled()) {
            row = endpoints.disable(endpoint.id, reason.get().name(), now);
            // host only: a merchant's URL may carry a token in its path or query
            log.warn("event=WEBHOOK_ENDPOINT_DISABLED mch_no={} endpoint_id={} host={} reason={} "
                            + "consecutive_failures={} failing_since={}", row.mchNo, row.id, Deliverer.hostOf(row.url),
                    reason.get(), row.consecutiveFailures, row.failingSince);
        }
        known.put(key, row);
        return row.disabled();
    }

    /** Forgets what this instance knew of the endpoint (it was just enabled): the next attempt reads it afresh. */
    public void forget(String mchNo, String url) {
        known.invalidate(key(mchNo, url));
    }

    private static String key(String mchNo, String url) {
        return mchNo + '\n' + url;
    }
}
