package com.aggpay.notify.portal;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.notify.store.OperatorAudit;
import com.aggpay.notify.store.WebhookEndpointRow;
import com.aggpay.notify.store.WebhookEndpoints;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The operators' endpoint pages over every merchant, routed by the gateway (the service-auth filter has already
 * refused a call without a verified operator): the same answers as the portal's, and every enabling stored in
 * {@code operator_audit}.
 */
@RestController
class AdminWebhookEndpointsController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");

    private final EndpointService endpoints;
    private final OperatorAudit operatorAudit;
    private final Clock clock;

    AdminWebhookEndpointsController(EndpointService endpoints, OperatorAudit operatorAudit, Clock clock) {
        this.endpoints = endpoints;
        this.operatorAudit = operatorAudit;
        this.clock = clock;
    }

    /** What the audit keeps of an endpoint: its state, never its URL (which may carry a merchant's token). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EndpointState(String state, String disabledReason, Instant disabledAt, Instant failingSince,
                         int consecutiveFailures) {

        static EndpointState of(WebhookEndpointRow e) {
            return new EndpointState(e.state, e.disabledReason, e.disabledAt, e.failingSince, e.consecutiveFailures);
        }
    }

    @GetMapping("/api/admin/webhooks/endpoints")
    List<EndpointView> list(@RequestParam(name = "mch_no", required = false) String mchNo,
                            @RequestParam(name = "state", required = false) String state) {
        return endpoints.list(mchNo, state);
    }

    @PostMapping("/api/admin/webhooks/endpoints/enable")
    EndpointView.Enabled enable(@RequestHeader(AggpayHeaders.OPERATOR) String operator,
                                @RequestBody(required = false) EndpointView.EnableRequest request) {
        WebhookEndpoints.Enabled enabled = endpoints.enable(request);
        WebhookEndpointRow after = enabled.after();
        operatorAudit.record(clock.instant(), operator, "WEBHOOK_ENDPOINT_ENABLE", "endpoint:" + after.id,
                EndpointState.of(enabled.before()), EndpointState.of(after));
        audit.info("event=WEBHOOK_ENDPOINT_ENABLED by=operator operator={} mch_no={} endpoint_id={} replayed={}",
                operator, after.mchNo, after.id, enabled.replayed());
        return new EndpointView.Enabled(after.url, after.state, enabled.replayed());
    }
}
