package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.app.PortalApps;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's webhook endpoints in the portal, kept by notify-service: any role sees which are failing or
 * disabled and why; developers and owners re-enable one (its missed events are replayed) and send a test event to an
 * app's webhook URL. Every call names the caller's own merchant, so another merchant's endpoint is never reached.
 */
@RestController
@RequestMapping("/api/portal/webhooks")
class PortalWebhookEndpointsController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final String NOTIFY_SERVICE = "notify-service";
    /** As long as the longest webhook URL an app or an order may carry. */
    private static final int MAX_URL_LENGTH = 512;

    private final PortalWebhooksClient webhooks;
    private final PortalWebhookTestClient testSends;
    private final PortalMerchant merchant;
    private final PortalApps apps;
    private final JsonMapper json;

    PortalWebhookEndpointsController(PortalWebhooksClient webhooks, PortalWebhookTestClient testSends,
                                     PortalMerchant merchant, PortalApps apps, JsonMapper json) {
        this.webhooks = webhooks;
        this.testSends = testSends;
        this.merchant = merchant;
        this.apps = apps;
        this.json = json;
    }

    /** A JSON array as notify-service answers it; empty before approval (no merchant number, so no events). */
    @GetMapping("/endpoints")
    JsonNode endpoints(HttpServletRequest request) {
        PortalUser user = PortalUser.of(request);
        return merchant.mchNo(user).map(mchNo -> Downstream.call(NOTIFY_SERVICE, () -> webhooks.endpoints(mchNo)))
                .orElseGet(json::createArrayNode);
    }

    /** {@code {"url"}} → {@code {"url","state":"ACTIVE","replayed"}}; 404 NOT_FOUND (param url) if no such endpoint. */
    @PostMapping("/endpoints/enable")
    JsonNode enable(HttpServletRequest request, @RequestBody JsonNode body) {
        PortalUser user = PortalUser.of(request).require(MerchantRole.DEVELOPER);
        String url = url(body);
        String mchNo = merchant.mchNo(user).orElseThrow(PortalWebhookEndpointsController::noSuchEndpoint);
        JsonNode enabled;
        try {
            enabled = Downstream.call(NOTIFY_SERVICE, () -> webhooks.enable(Map.of("mch_no", mchNo, "url", url)));
        } catch (ApiException e) {
            // notify's ENDPOINT_NOT_FOUND names no parameter: the one the merchant gave is the url
            throw e.code() == ErrorCode.NOT_FOUND ? noSuchEndpoint() : e;
        }
        audit.info("event=PORTAL_WEBHOOK_ENDPOINT_ENABLED user_id={} mch_no={} url={} replayed={}", user.userId(),
                mchNo, withoutQuery(url), enabled.path("replayed").asLong(0));
        return enabled;
    }

    /**
     * {@code {"app_id"}} → what the one test attempt gave, delivered or not. The app must be the caller's merchant's
     * (another's is 404 APP_UNKNOWN, as everywhere in the portal) and have a webhook URL, which is sent along.
     */
    @PostMapping("/test")
    JsonNode test(HttpServletRequest request, @RequestBody JsonNode body) {
        PortalUser user = PortalUser.of(request).require(MerchantRole.DEVELOPER);
        String appId = appId(body);
        String url = apps.view(user, appId).webhookUrl();
        if (url == null) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "This app has no webhook URL yet; set one first.",
                    "app_id");
        }
        String mchNo = merchant.mchNo(user).orElseThrow(() -> new ApiException(ErrorCode.MERCHANT_NOT_ACTIVE,
                "Webhooks start once the merchant is approved."));
        JsonNode result = Downstream.call(NOTIFY_SERVICE,
                () -> testSends.test(Map.of("mch_no", mchNo, "app_id", appId, "url", url)));
        audit.info("event=PORTAL_WEBHOOK_TEST user_id={} mch_no={} app_id={} delivered={} http_status={}",
                user.userId(), mchNo, appId, result.path("delivered").asBoolean(false),
                result.path("http_status").asString(""));
        return result;
    }

    private static String url(JsonNode body) {
        JsonNode url = body == null ? null : body.get("url");
        String text = url == null || !url.isString() ? "" : url.asString().strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.length() > MAX_URL_LENGTH || !(lower.startsWith("https://") || lower.startsWith("http://"))
                || text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw PortalQuery.invalid("url", "url must be the http(s) address of one of the merchant's endpoints.");
        }
        return text;
    }

    /** Merchants put tokens in their webhook URLs' queries: the audit log keeps the address only. */
    private static String withoutQuery(String url) {
        return url.split("[?#]", 2)[0];
    }

    private static String appId(JsonNode body) {
        JsonNode appId = body == null ? null : body.get("app_id");
        if (appId == null || !appId.isString()) {
            throw PortalQuery.invalid("app_id", "app_id is required.");
        }
        return PortalQuery.check("app_id", appId.asString(), PortalQuery.APP_ID);
    }

    private static ApiException noSuchEndpoint() {
        return new ApiException(ErrorCode.NOT_FOUND, "No webhook endpoint with this URL for this merchant.", "url");
    }
}
