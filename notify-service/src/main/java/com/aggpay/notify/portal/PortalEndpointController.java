package com.aggpay.notify.portal;

import com.aggpay.notify.api.ApiException;
import com.aggpay.notify.api.ErrorCode;
import com.aggpay.notify.delivery.WebhookTester;
import com.aggpay.notify.store.WebhookEndpoints;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant portal's endpoint pages, for merchant-service only ({@code aggpay.service-auth.allow}), which
 * authenticated the portal user and names the merchant: its endpoints with their state and last errors, enabling
 * one (which replays what it missed), and the test button. Everything is confined to the named {@code mch_no}.
 */
@RestController
class PortalEndpointController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");

    private final EndpointService endpoints;
    private final WebhookTester tester;

    PortalEndpointController(EndpointService endpoints, WebhookTester tester) {
        this.endpoints = endpoints;
        this.tester = tester;
    }

    @GetMapping("/internal/portal/webhooks/endpoints")
    List<EndpointView> list(@RequestParam(name = "mch_no", required = false) String mchNo) {
        EndpointService.checkMchNo(mchNo);
        return endpoints.list(mchNo, null);
    }

    @PostMapping("/internal/portal/webhooks/endpoints/enable")
    EndpointView.Enabled enable(@RequestBody(required = false) EndpointView.EnableRequest request) {
        WebhookEndpoints.Enabled enabled = endpoints.enable(request);
        audit.info("event=WEBHOOK_ENDPOINT_ENABLED by=portal mch_no={} endpoint_id={} replayed={}",
                enabled.after().mchNo, enabled.after().id, enabled.replayed());
        return new EndpointView.Enabled(enabled.after().url, enabled.after().state, enabled.replayed());
    }

    @PostMapping("/internal/portal/webhooks/test")
    EndpointView.TestSent test(@RequestBody(required = false) EndpointView.TestRequest request) {
        if (request == null || request.appId() == null || request.appId().isBlank() || request.appId().length() > 64) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "app_id", "app_id is required.");
        }
        EndpointService.checkMchNo(request.mchNo());
        if (request.url() != null && request.url().length() > 1024) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "url", "url must be at most 1024 characters.");
        }
        try {
            WebhookTester.Outcome o = tester.send(request.mchNo(), request.appId(), request.url());
            return new EndpointView.TestSent(o.delivered(), o.httpStatus(), o.latencyMs(), o.error(),
                    o.responseExcerpt(), o.eventId());
        } catch (WebhookTester.Refused refused) {
            throw switch (refused.refusal()) {
                case APP_UNKNOWN -> new ApiException(ErrorCode.APP_UNKNOWN, "app_id",
                        "No app " + request.appId() + " of this merchant.");
                case MERCHANT_SERVICE_UNAVAILABLE -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE, null,
                        "The app could not be looked up; try again.");
                case URL_MISSING -> new ApiException(ErrorCode.INVALID_REQUEST, "url",
                        "The app has no webhook URL; name one.");
            };
        }
    }
}
