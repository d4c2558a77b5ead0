package com.aggpay.order.payorder;

import com.aggpay.order.payorder.domain.CreatePayOrderRequest;
import com.aggpay.order.payorder.domain.Violation;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant API for pay orders (API.md). The caller is the app the gateway authenticated. */
@RestController
@RequestMapping("/api/v1/pay/orders")
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

    @GetMapping("/{payOrderId}")
    public PayOrderView get(Caller caller, @PathVariable String payOrderId) {
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || !order.getAppId().equals(caller.appId())) {
            throw notFound();
        }
        return views.view(order);
    }

    @GetMapping
    public PayOrderView findByMchOrderNo(Caller caller, @RequestParam("mch_order_no") String mchOrderNo) {
        PayOrder order = orders.findByMchOrderNo(caller.appId(), mchOrderNo);
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
