package com.aggpay.order.close;

import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrderView;
import com.aggpay.order.payorder.PayOrderViews;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's close (API.md): idempotent for an ended order, 409 for a paid one, 503 while the channel is unclear. */
@RestController
@Tag(name = "Pay orders")
public class CloseOrderController {

    private final PayOrders orders;
    private final CloseOrder closeOrder;
    private final PayOrderViews views;

    public CloseOrderController(PayOrders orders, CloseOrder closeOrder, PayOrderViews views) {
        this.orders = orders;
        this.closeOrder = closeOrder;
        this.views = views;
    }

    @PostMapping("/api/v1/pay/orders/{pay_order_id}/close")
    @Operation(operationId = "closePayOrder", summary = "Close an unpaid order", description = """
            Closes the trade at the channel and answers the order, CLOSED. Closing an order that has already ended \
            (CLOSED or FAILED) answers it as it is.""")
    @ApiResponse(responseCode = "200", description = "The order, CLOSED (or as it ended).")
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND: no order with this id for this app.")
    @ApiResponse(responseCode = "409", description = "ORDER_ALREADY_PAID: the order is paid; the problem carries it.")
    @ApiResponse(responseCode = "503", description = "CHANNEL_UNAVAILABLE: the channel gave no clear answer; the order "
            + "stays PAYING (carried in the problem). Repeat the close later.")
    public PayOrderView close(Caller caller, @Parameter(description = "The platform's order id (po_…).")
                              @PathVariable("pay_order_id") String payOrderId) {
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || !order.getAppId().equals(caller.appId())) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND, "No order with this id for this app.");
        }
        CloseResult result = closeOrder.close(order);
        if (result instanceof CloseResult.AlreadyPaid paid) {
            throw new ApiException(ErrorCode.ORDER_ALREADY_PAID, null, "Order " + payOrderId + " is paid.",
                    views.view(paid.order()));
        }
        if (result instanceof CloseResult.ChannelUnclear unclear) {
            throw new ApiException(ErrorCode.CHANNEL_UNAVAILABLE, null, "Order " + payOrderId + " is still PAYING: "
                    + unclear.why() + ". Repeat the close later.", views.view(unclear.order()));
        }
        // Closed, or AlreadyEnded: closing an ended order again answers it as it is
        return views.view(result.order());
    }
}
