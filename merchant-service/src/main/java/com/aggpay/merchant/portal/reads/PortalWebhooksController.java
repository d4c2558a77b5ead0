package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The portal's webhook log from notify-service, the merchant's own events only; developers and owners resend. */
@RestController
@RequestMapping("/api/portal/webhooks/events")
class PortalWebhooksController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final String NOTIFY_SERVICE = "notify-service";

    private final PortalWebhooksClient webhooks;
    private final PortalMerchant merchant;

    PortalWebhooksController(PortalWebhooksClient webhooks, PortalMerchant merchant) {
        this.webhooks = webhooks;
        this.merchant = merchant;
    }

    @GetMapping
    PortalPage events(HttpServletRequest request,
                      @RequestParam(name = "state", required = false) String state,
                      @RequestParam(name = "type", required = false) String type,
                      @RequestParam(name = "cursor", required = false) String cursor,
                      @RequestParam(name = "limit", required = false) String limit) {
        PortalUser user = PortalUser.of(request);
        PortalQuery query = new PortalQuery().matching("state", state, PortalQuery.WORD)
                .matching("type", type, PortalQuery.WEBHOOK_TYPE).matching("cursor", cursor, PortalQuery.CURSOR)
                .limit(limit);
        return merchant.mchNo(user).map(mchNo -> Downstream.call(NOTIFY_SERVICE,
                () -> webhooks.events(query.forMerchant(mchNo)))).orElseGet(PortalPage::empty);
    }

    @PostMapping("/{event_id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JsonNode resend(HttpServletRequest request, @PathVariable("event_id") String eventId) {
        PortalUser user = PortalUser.of(request).require(MerchantRole.DEVELOPER);
        PortalQuery.check("event_id", eventId, PortalQuery.EVENT_ID);
        String mchNo = merchant.mchNo(user).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                "No webhook event with this id for this merchant.", "event_id"));
        JsonNode event = Downstream.call(NOTIFY_SERVICE, () -> webhooks.resend(eventId, mchNo));
        audit.info("event=PORTAL_WEBHOOK_RESEND user_id={} mch_no={} event_id={}", user.userId(), mchNo, eventId);
        return event;
    }
}
