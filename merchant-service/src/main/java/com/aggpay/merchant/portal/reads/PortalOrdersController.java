package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The portal's orders and refunds, read from order-service for the logged-in user's merchant only. Any role reads;
 * only the owner issues a refund.
 */
@RestController
@RequestMapping("/api/portal")
class PortalOrdersController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final String ORDER_SERVICE = "order-service";

    private final PortalOrdersClient orders;
    private final PortalMerchant merchant;

    PortalOrdersController(PortalOrdersClient orders, PortalMerchant merchant) {
        this.orders = orders;
        this.merchant = merchant;
    }

    @GetMapping("/orders")
    PortalPage orders(HttpServletRequest request,
                      @RequestParam(name = "state", required = false) String state,
                      @RequestParam(name = "pay_way", required = false) String payWay,
                      @RequestParam(name = "channel", required = false) String channel,
                      @RequestParam(name = "app_id", required = false) String appId,
                      @RequestParam(name = "min_amount", required = false) String minAmount,
                      @RequestParam(name = "max_amount", required = false) String maxAmount,
                      @RequestParam(name = "from", required = false) String from,
                      @RequestParam(name = "to", required = false) String to,
                      @RequestParam(name = "mch_order_no", required = false) String mchOrderNo,
                      @RequestParam(name = "cursor", required = false) String cursor,
                      @RequestParam(name = "limit", required = false) String limit) {
        PortalUser user = PortalUser.of(request);
        // checked before the merchant is known: a bad filter is refused alike with or without orders
        PortalQuery query = new PortalQuery().matching("state", state, PortalQuery.WORD)
                .matching("pay_way", payWay, PortalQuery.WORD).matching("channel", channel, PortalQuery.CHANNEL)
                .matching("app_id", appId, PortalQuery.APP_ID).amount("min_amount", minAmount)
                .amount("max_amount", maxAmount).time("from", from).time("to", to)
                .matching("mch_order_no", mchOrderNo, PortalQuery.NUMBER)
                .matching("cursor", cursor, PortalQuery.CURSOR).limit(limit);
        return merchant.mchNo(user).map(mchNo -> Downstream.call(ORDER_SERVICE,
                () -> orders.orders(query.forMerchant(mchNo)))).orElseGet(PortalPage::empty);
    }

    @GetMapping("/orders/{pay_order_id}")
    JsonNode order(HttpServletRequest request, @PathVariable("pay_order_id") String payOrderId) {
        PortalUser user = PortalUser.of(request);
        PortalQuery.check("pay_order_id", payOrderId, PortalQuery.NUMBER);
        String mchNo = merchant.mchNo(user).orElseThrow(PortalOrdersController::noSuchOrder);
        return Downstream.call(ORDER_SERVICE, () -> orders.order(payOrderId, mchNo));
    }

    @GetMapping("/refunds")
    PortalPage refunds(HttpServletRequest request,
                       @RequestParam(name = "state", required = false) String state,
                       @RequestParam(name = "app_id", required = false) String appId,
                       @RequestParam(name = "pay_order_id", required = false) String payOrderId,
                       @RequestParam(name = "mch_refund_no", required = false) String mchRefundNo,
                       @RequestParam(name = "from", required = false) String from,
                       @RequestParam(name = "to", required = false) String to,
                       @RequestParam(name = "cursor", required = false) String cursor,
                       @RequestParam(name = "limit", required = false) String limit) {
        PortalUser user = PortalUser.of(request);
        PortalQuery query = new PortalQuery().matching("state", state, PortalQuery.WORD)
                .matching("app_id", appId, PortalQuery.APP_ID)
                .matching("pay_order_id", payOrderId, PortalQuery.NUMBER)
                .matching("mch_refund_no", mchRefundNo, PortalQuery.NUMBER).time("from", from).time("to", to)
                .matching("cursor", cursor, PortalQuery.CURSOR).limit(limit);
        return merchant.mchNo(user).map(mchNo -> Downstream.call(ORDER_SERVICE,
                () -> orders.refunds(query.forMerchant(mchNo)))).orElseGet(PortalPage::empty);
    }

    /**
     * {@code {"pay_order_id","amount","reason"?,"mch_refund_no"?}}: issued as the merchant API issues it (201 new,
     * 200 the same request again, 409 ORDER_NOT_PAID / REFUND_EXCEEDS_PAID / MCH_REFUND_NO_CONFLICT).
     */
    @PostMapping("/refunds")
    ResponseEntity<JsonNode> refund(HttpServletRequest request, @RequestBody JsonNode body) {
        PortalUser user = PortalUser.of(request).require(MerchantRole.OWNER);
        Map<String, Object> refund = refundBody(body);
        String mchNo = merchant.mchNo(user).orElseThrow(PortalOrdersController::noSuchOrder);
        ResponseEntity<JsonNode> answer = Downstream.call(ORDER_SERVICE, () -> orders.refund(mchNo, refund));
        audit.info("event=PORTAL_REFUND user_id={} mch_no={} pay_order_id={} amount={} status={}", user.userId(),
                mchNo, refund.get("pay_order_id"), refund.get("amount"), answer.getStatusCode().value());
        return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody());
    }

    private static Map<String, Object> refundBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw PortalQuery.invalid("body", "The body must be a JSON object.");
        }
        Map<String, Object> refund = new LinkedHashMap<>();
        JsonNode payOrderId = body.get("pay_order_id");
        if (payOrderId == null || !payOrderId.isString()) {
            throw PortalQuery.invalid("pay_order_id", "pay_order_id is required.");
        }
        refund.put("pay_order_id", PortalQuery.check("pay_order_id", payOrderId.asString(), PortalQuery.NUMBER));
        JsonNode amount = body.get("amount");
        // a JSON integer only, as in the merchant API: 12.5, "100" and 1e2 are refused, never rounded
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() < 1) {
            throw PortalQuery.invalid("amount", "amount must be a positive whole number of minor units.");
        }
        refund.put("amount", amount.asLong());
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull()) {
            if (!reason.isString()) {
                throw PortalQuery.invalid("reason", "reason must be text.");
            }
            refund.put("reason", reason.asString());
        }
        JsonNode mchRefundNo = body.get("mch_refund_no");
        if (mchRefundNo != null && !mchRefundNo.isNull()) {
            if (!mchRefundNo.isString()) {
                throw PortalQuery.invalid("mch_refund_no", "mch_refund_no must be text.");
            }
            refund.put("mch_refund_no", PortalQuery.check("mch_refund_no", mchRefundNo.asString(),
                    PortalQuery.NUMBER));
        }
        return refund;
    }

    private static ApiException noSuchOrder() {
        return new ApiException(ErrorCode.NOT_FOUND, "No order with this id for this merchant.", "pay_order_id");
    }
}
