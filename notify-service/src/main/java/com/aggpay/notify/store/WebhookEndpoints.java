package com.aggpay.notify.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Merchants' webhook endpoints (one URL of one merchant each) and their state: every read and change goes here. */
@Repository
public class WebhookEndpoints {

    /** Outcomes of delivery_attempt that are an endpoint's own failure (see AttemptResult.endpointFailed). */
    private static final List<String> FAILURE_OUTCOMES = List.of("HTTP_ERROR", "TIMEOUT", "NETWORK_ERROR");
    private static final int MAX_ENABLE_ATTEMPTS = 3;

    private final WebhookEndpointMapper endpoints;
    private final WebhookEventMapper events;
    private final TransactionTemplate tx;

    WebhookEndpoints(WebhookEndpointMapper endpoints, WebhookEventMapper events,
                     PlatformTransactionManager transactions) {
        this.endpoints = endpoints;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The endpoint of this merchant and URL, created ACTIVE on first sight. */
    public WebhookEndpointRow resolve(String mchNo, String url, Instant now) {
        String hash = hash(url);
        WebhookEndpointRow row = endpoints.find(mchNo, hash);
        if (row != null) {
            return row;
        }
        endpoints.insertIgnore(mchNo, url, hash, now);
        return endpoints.find(mchNo, hash);
    }

    public Optional<WebhookEndpointRow> find(String mchNo, String url) {
        return Optional.ofNullable(endpoints.find(mchNo, hash(url)));
    }

    /** Ends the failure streak, if there was one; returns the row as it is now. */
    public WebhookEndpointRow recordSuccess(long id, Instant now) {
        endpoints.recordSuccess(id, now);
        return endpoints.findById(id);
    }

    /** Counts one more failure; returns the row as it is now (with the streak's start). */
    public WebhookEndpointRow recordFailure(long id, Instant now) {
        endpoints.recordFailure(id, now);
        return endpoints.findById(id);
    }

    /** Disables the endpoint unless it already is; returns the row as it is now. */
    public WebhookEndpointRow disable(long id, String reason, Instant now) {
        endpoints.disable(id, reason, now);
        return endpoints.findById(id);
    }

    /** The endpoint enabled and how many held events it made due now, or empty when there is no such endpoint. */
    public record Enabled(WebhookEndpointRow before, WebhookEndpointRow after, int replayed) {
    }

    /**
     * Enables the endpoint and makes every event held for it due now, with a new run of the schedule, in one
     * transaction under the endpoint's row lock: an attempt that holds an event at the same moment does so only while
     * the endpoint is still disabled ({@link WebhookEvents#recordAll}), so no event is left held behind an enabled
     * endpoint.
     */
    public Optional<Enabled> enable(String mchNo, String url, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return enableOnce(mchNo, url, now);
            } catch (PessimisticLockingFailureException e) {
                // a deadlock with the recording of attempts at this endpoint: rolled back, simply try again
                if (attempt == MAX_ENABLE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<Enabled> enableOnce(String mchNo, String url, Instant now) {
        return Optional.ofNullable(tx.execute(status -> {
            WebhookEndpointRow before = endpoints.lock(mchNo, hash(url));
            if (before == null) {
                return null;
            }
            endpoints.enable(before.id, now);
            int replayed = events.replayHeld(before.id, now);
            return new Enabled(before, endpoints.findById(before.id), replayed);
        }));
    }

    /** Newest first; {@code mchNo} and {@code state} null mean any. */
    public List<WebhookEndpointRow> list(String mchNo, String state, int limit) {
        return endpoints.list(mchNo, state, limit);
    }

    /** Events still to be delivered (pending or held) by endpoint id. */
    public Map<Long, Long> pendingCounts(List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            endpoints.pendingCounts(ids).forEach(row -> counts.put(((Number) row.get("id")).longValue(),
                    ((Number) row.get("n")).longValue()));
        }
        return counts;
    }

    public List<EndpointError> lastErrors(long id, int limit) {
        return endpoints.lastErrors(id, FAILURE_OUTCOMES, limit);
    }

    public List<EndpointCount> countByState() {
        return endpoints.countByState();
    }

    static String hash(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
