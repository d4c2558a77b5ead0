package com.aggpay.order.refund;

import com.aggpay.order.payorder.domain.Violation;
import com.aggpay.order.refund.domain.CreateRefundRequest;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Refunds", description = "Refunds of paid orders, in part or in full.")
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
    @Operation(operationId = "createRefund", summary = "Refund a paid order", description = """
            Refunds part or all of a SUCCESS order, given by pay_order_id or mch_order_no. Idempotent on (app_id, \
            mch_refund_no): the same request again answers 200 with the same refund; the refunds of one order never \
            add up past its amount.""")
    @ApiResponse(responseCode = "201", description = "Created: a new refund, usually PROCESSING.")
    @ApiResponse(responseCode = "200", description = "The same request again: the refund created before.")
    @ApiResponse(responseCode = "400", description = "PARAM_REQUIRED, PARAM_INVALID (param names the field) or "
            + "BODY_MALFORMED.")
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no such order for this app.")
    @ApiResponse(responseCode = "409", description = "MCH_REFUND_NO_CONFLICT (mch_refund_no used for another order or "
            + "amount), ORDER_NOT_PAID (only SUCCESS orders can be refunded) or REFUND_EXCEEDS_PAID.")
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

    @GetMapping("/{refund_id}")
    @Operation(operationId = "getRefund", summary = "Get a refund by refund_id")
    @ApiResponse(responseCode = "200", description = "The refund.")
    @ApiResponse(responseCode = "404", description = "REFUND_NOT_FOUND: no refund with this id for this app.")
    public RefundView get(Caller caller, @Parameter(description = "The platform's refund id (rf_…).")
                          @PathVariable("refund_id") String refundId) {
        Refund refund = refunds.selectById(refundId);
        if (refund == null || !refund.getAppId().equals(caller.appId())) {
            throw new ApiException(ErrorCode.REFUND_NOT_FOUND, "No refund with this id for this app.");
        }
        return views.view(refund);
    }
}
