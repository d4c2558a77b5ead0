package com.aggpay.notify.portal;

import com.aggpay.notify.api.ApiException;
import com.aggpay.notify.api.ErrorCode;
import com.aggpay.notify.delivery.DeliveryEngine;
import com.aggpay.notify.delivery.EndpointRegistry;
import com.aggpay.notify.store.WebhookEndpointRow;
import com.aggpay.notify.store.WebhookEndpoints;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads and enables merchants' webhook endpoints for the portal and the operators alike, so both see and do the
 * same: the list with pending counts and last errors, and enabling, which replays the held events at once.
 */
@Component
class EndpointService {

    static final int MAX_ENDPOINTS = 100;
    static final int MAX_ERRORS = 5;
    private static final int MAX_URL = 1024;
    private static final Pattern MCH_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final List<String> STATES = List.of("ACTIVE", "FAILING", "DISABLED");

    private final WebhookEndpoints endpoints;
    private final EndpointRegistry registry;
    private final ObjectProvider<DeliveryEngine> engine;
    private final Clock clock;

    EndpointService(WebhookEndpoints endpoints, EndpointRegistry registry, ObjectProvider<DeliveryEngine> engine,
                    Clock clock) {
        this.endpoints = endpoints;
        this.registry = registry;
        this.engine = engine;
        this.clock = clock;
    }

    /** @param mchNo null: every merchant (operators only); {@code state} null: any */
    List<EndpointView> list(String mchNo, String state) {
        if (mchNo != null) {
            checkMchNo(mchNo);
        }
        if (state != null && !STATES.contains(state)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "state", "state must be one of " + STATES);
        }
        List<WebhookEndpointRow> rows = endpoints.list(mchNo, state, MAX_ENDPOINTS);
        Map<Long, Long> pending = endpoints.pendingCounts(rows.stream().map(r -> r.id).toList());
        return rows.stream().map(r -> new EndpointView(r.mchNo, r.url, r.state, r.disabledReason, r.disabledAt,
                r.failingSince, r.consecutiveFailures, pending.getOrDefault(r.id, 0L),
                endpoints.lastErrors(r.id, MAX_ERRORS).stream().map(e -> new EndpointView.LastError(e.at(),
                        e.httpStatus(), e.outcome(), e.error(), e.responseExcerpt())).toList())).toList();
    }

    /** Enables the endpoint and makes its held events due now; the state before and after for an audit. */
    WebhookEndpoints.Enabled enable(EndpointView.EnableRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "url", "mch_no and url are required.");
        }
        checkMchNo(request.mchNo());
        String url = request.url();
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "url", "url is required (at most 1024 characters).");
        }
        WebhookEndpoints.Enabled enabled = endpoints.enable(request.mchNo(), url, clock.instant())
                .orElseThrow(() -> new ApiException(ErrorCode.ENDPOINT_NOT_FOUND, "url",
                        "No webhook endpoint with this URL for this merchant."));
        registry.forget(request.mchNo(), url);
        if (enabled.replayed() > 0) {
            engine.ifAvailable(DeliveryEngine::scanSoon);
        }
        return enabled;
    }

    static void checkMchNo(String mchNo) {
        if (mchNo == null || !MCH_NO.matcher(mchNo).matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "mch_no", "mch_no is required and must be valid.");
        }
    }
}
