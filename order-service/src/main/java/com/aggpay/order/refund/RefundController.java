package com.aggpay.order.refund;

import com.aggpay.order.payorder.domain.Violation;
import com.aggpay.order.refund.domain.CreateRefundRequest;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merchant API for refunds (API.md). The caller is the app the gateway authenticated. */
@RestController
@RequestMapping("/api/v1/refunds")
public class RefundController {

    private final CreateRefund createRefund;
    private final Refunds refunds;
    private final RefundViews views;

    public RefundController(CreateRefund createRefund, Refunds refunds, RefundViews views) {
        this.createRefund = createRefund;
        this.refunds = refunds;
        this.views = views;
    }

    @PostMapping
    public ResponseEntity<RefundView> create(Caller caller, @RequestBody CreateRefundRequest request) {
        CreateRefundResult result = createRefund.create(caller, request);
        // Java 17: no pattern switch yet; the sealed hierarchy keeps this list complete
        if (result instanceof CreateRefundResult.Created c) {
            return ResponseEntity.status(HttpStatus.CREATED).body(c.refund());
        }
        if (result instanceof CreateRefundResult.Repeated r) {
            return ResponseEntity.ok(r.refund());
        }
        if (result instanceof CreateRefundResult.Conflict c) {
            throw new ApiException(ErrorCode.MCH_REFUND_NO_CONFLICT, "mch_refund_no", "mch_refund_no '"
                    + c.existing().mchRefundNo() + "' was used for a refund of another order or amount.");
        }
        if (result instanceof CreateRefundResult.Invalid i) {
            Violation v = i.violation();
            throw new ApiException(v.kind() == Violation.Kind.REQUIRED ? ErrorCode.PARAM_REQUIRED
                    : ErrorCode.PARAM_INVALID, v.param(), v.detail());
        }
        if (result instanceof CreateRefundResult.OrderNotFound) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND, "pay_order_id", "No order with this id for this app.");
        }
        if (result instanceof CreateRefundResult.OrderNotPaid n) {
            throw new ApiException(ErrorCode.ORDER_NOT_PAID, "pay_order_id", "Order " + n.payOrderId() + " is "
                    + n.state() + "; only SUCCESS orders can be refunded.");
        }
        CreateRefundResult.ExceedsPaid e = (CreateRefundResult.ExceedsPaid) result;
        throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAID, "amount", "At most " + Math.max(0, e.refundable())
                + " of order " + e.payOrderId() + " can still be refunded.");
    }

    @GetMapping("/{refundId}")
    public RefundView get(Caller caller, @PathVariable String refundId) {
        Refund refund = refunds.selectById(refundId);
        if (refund == null || !refund.getAppId().equals(caller.appId())) {
            throw new ApiException(ErrorCode.REFUND_NOT_FOUND, "No refund with this id for this app.");
        }
        return views.view(refund);
    }
}
