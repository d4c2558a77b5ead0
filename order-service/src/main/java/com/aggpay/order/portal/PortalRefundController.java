package com.aggpay.order.portal;

import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.refund.RefundController;
import com.aggpay.order.refund.RefundView;
import com.aggpay.order.refund.domain.CreateRefundRequest;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant portal's refunds, for merchant-service only: the list, and a refund issued by the merchant's owner. */
@RestController
@RequestMapping("/internal/portal/refunds")
class PortalRefundController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalSearch search;
    private final PayOrders orders;
    private final RefundController merchantApi;

    PortalRefundController(PortalSearch search, PayOrders orders, RefundController merchantApi) {
        this.search = search;
        this.orders = orders;
        this.merchantApi = merchantApi;
    }

    @GetMapping
    PortalPage<PortalRefundView> list(@RequestParam(name = "mch_no", required = false) String mchNo,
                                      @RequestParam(name = "state", required = false) String state,
                                      @RequestParam(name = "app_id", required = false) String appId,
                                      @RequestParam(name = "pay_order_id", required = false) String payOrderId,
                                      @RequestParam(name = "mch_refund_no", required = false) String mchRefundNo,
                                      @RequestParam(name = "from", required = false) String from,
                                      @RequestParam(name = "to", required = false) String to,
                                      @RequestParam(name = "cursor", required = false) String cursor,
                                      @RequestParam(name = "limit", required = false) Integer limit) {
        RefundFilter filter = new RefundFilter(PortalParams.mchNo(mchNo), PortalParams.refundState(state),
                PortalParams.appId(appId), PortalParams.number("pay_order_id", payOrderId),
                PortalParams.number("mch_refund_no", mchRefundNo), PortalParams.from(from), PortalParams.to(to));
        PortalParams.ordered("to", filter.from(), filter.to());
        return search.refunds(filter, Cursor.decode(cursor), PortalParams.limit(limit));
    }

    /**
     * Issued exactly as the merchant API issues it (same rules, idempotency on the order's app and
     * {@code mch_refund_no}, same answers: 201 new, 200 repeat, 409 ORDER_NOT_PAID / REFUND_EXCEEDS_PAID /
     * MCH_REFUND_NO_CONFLICT), on behalf of the app that took the order, once the order is this merchant's.
     */
    @PostMapping
    ResponseEntity<RefundView> create(@RequestParam(name = "mch_no", required = false) String mchNo,
                                      @RequestBody PortalRefundRequest request) {
        String merchant = PortalParams.mchNo(mchNo);
        if (request.payOrderId() == null || request.payOrderId().isBlank()) {
            throw new ApiException(ErrorCode.PARAM_REQUIRED, "pay_order_id", "pay_order_id is required.");
        }
        PayOrder order = PortalOrderController.ownOrder(orders, merchant, request.payOrderId());
        String mchRefundNo = request.mchRefundNo() != null ? request.mchRefundNo() : generatedRefundNo();
        return merchantApi.create(new Caller(order.getAppId(), merchant), new CreateRefundRequest(
                order.getPayOrderId(), null, mchRefundNo, request.amount(), request.reason()));
    }

    /** {@code portal-} and 24 random hex digits: 31 characters of the merchant API's refund number alphabet. */
    private static String generatedRefundNo() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "portal-" + HexFormat.of().formatHex(b);
    }
}
