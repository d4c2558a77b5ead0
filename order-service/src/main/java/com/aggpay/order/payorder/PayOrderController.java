package com.aggpay.order.payorder;

import com.aggpay.order.payorder.domain.CreatePayOrderRequest;
import com.aggpay.order.payorder.domain.Violation;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant API for pay orders (API.md). The caller is the app the gateway authenticated. */
@RestController
@RequestMapping("/api/v1/pay/orders")
@Tag(name = "Pay orders", description = "Unified orders: create, read and close.")
public class PayOrderController {

    private final CreatePayOrder createPayOrder;
    private final PayOrders orders;
    private final PayOrderViews views;

    public PayOrderController(CreatePayOrder createPayOrder, PayOrders orders, PayOrderViews views) {
        this.createPayOrder = createPayOrder;
        this.orders = orders;
        this.views = views;
    }

    @PostMapping
    @Operation(operationId = "createPayOrder", summary = "Create a payment order (unified order)", description = """
            Opens a trade on a channel for the pay way and answers with the order and its pay_data. Idempotent on \
            (app_id, mch_order_no): the same request again (same amount, currency, pay_way and subject) answers 200 \
            with the same order, never a second charge; the same mch_order_no with other content answers 409.""")
    @ApiResponse(responseCode = "201", description = "Created: a new order.")
    @ApiResponse(responseCode = "200", description = "The same request again: the order created before.")
    @ApiResponse(responseCode = "400", description = "PARAM_REQUIRED, PARAM_INVALID (param names the field; amount "
            + "must be a JSON integer), CURRENCY_UNSUPPORTED, PAY_WAY_UNSUPPORTED or BODY_MALFORMED.")
    @ApiResponse(responseCode = "409", description = "MCH_ORDER_NO_CONFLICT: mch_order_no was used for an order "
            + "with a different amount, currency, pay_way or subject.")
    @ApiResponse(responseCode = "503", description = "NO_CHANNEL_AVAILABLE (the order is FAILED) or "
            + "ROUTER_UNAVAILABLE (the order is stored without pay data: repeat the request); the problem carries "
            + "the order.")
    public ResponseEntity<PayOrderView> create(Caller caller, @RequestBody CreatePayOrderRequest request) {
        CreateResult result = createPayOrder.create(caller, request);
        // Java 17: no pattern switch yet; the sealed hierarchy keeps this list complete
        if (result instanceof CreateResult.Created c) {
            return ResponseEntity.status(HttpStatus.CREATED).body(c.order());
        }
        if (result instanceof CreateResult.Repeated r) {
            return ResponseEntity.ok(r.order());
        }
        if (result instanceof CreateResult.Conflict c) {
            throw new ApiException(ErrorCode.MCH_ORDER_NO_CONFLICT, "mch_order_no", "mch_order_no '"
                    + c.existing().mchOrderNo() + "' was used for an order with a different amount, currency, "
                    + "pay_way or subject.");
        }
        if (result instanceof CreateResult.Invalid i) {
            throw new ApiException(errorCode(i.violation().kind()), i.violation().param(), i.violation().detail());
        }
        if (result instanceof CreateResult.NoChannel n) {
            throw new ApiException(ErrorCode.NO_CHANNEL_AVAILABLE, null,
                    "No channel could open a trade for order " + n.order().payOrderId() + "; it is FAILED.", n.order());
        }
        CreateResult.RouterUnavailable u = (CreateResult.RouterUnavailable) result;
        throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "Order " + u.order().payOrderId()
                + " is stored but has no pay data yet; repeat the request.", u.order());
    }

    @GetMapping("/{pay_order_id}")
    @Operation(operationId = "getPayOrder", summary = "Get an order by pay_order_id")
    @ApiResponse(responseCode = "200", description = "The order.")
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no order with this id for this app.")
    public PayOrderView get(Caller caller, @Parameter(description = "The platform's order id (po_…).")
                            @PathVariable("pay_order_id") String payOrderId) {
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || !order.getAppId().equals(caller.appId())) {
            throw notFound();
        }
        return views.view(order);
    }

    @GetMapping
    @Operation(operationId = "findPayOrderByMchOrderNo", summary = "Get an order by the merchant's order number")
    @ApiResponse(responseCode = "200", description = "The order.")
    @ApiResponse(responseCode = "400", description = "PARAM_REQUIRED: mch_order_no is missing.")
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no order with this mch_order_no for this app.")
    public PayOrderView findByMchOrderNo(Caller caller, @Parameter(description = "The merchant's order number.",
            schema = @Schema(pattern = "[A-Za-z0-9_-]{1,32}")) @RequestParam("mch_order_no") String mchOrderNo) {
        PayOrder order = orders.findByMchOrderNo(caller.mchNo(), caller.appId(), mchOrderNo);
        if (order == null) {
            throw notFound();
        }
        return views.view(order);
    }

    private static ErrorCode errorCode(Violation.Kind kind) {
        return switch (kind) {
            case REQUIRED -> ErrorCode.PARAM_REQUIRED;
            case INVALID -> ErrorCode.PARAM_INVALID;
            case CURRENCY_UNSUPPORTED -> ErrorCode.CURRENCY_UNSUPPORTED;
            case PAY_WAY_UNSUPPORTED -> ErrorCode.PAY_WAY_UNSUPPORTED;
        };
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.ORDER_NOT_FOUND, "No order with this id for this app.");
    }
}
