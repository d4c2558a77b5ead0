package com.aggpay.order.cashier;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cashier's orders for the gateway (service-auth: gateway-service only), which serves the payer's pages and
 * vouches for the payer: it learnt the payer's id from the wallet's authorisation and keeps it in a signed cookie.
 */
@Hidden
@RestController
public class InternalCashierController {

    private final CashierOrders cashier;

    public InternalCashierController(CashierOrders cashier) {
        this.cashier = cashier;
    }

    @PostMapping("/internal/cashier/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public CashierAnswer payAtStore(@RequestBody StaticOrderRequest request) {
        return cashier.payAtStore(request);
    }

    @PostMapping("/internal/cashier/orders/{pay_order_id}/pay")
    public CashierAnswer payLink(@PathVariable("pay_order_id") String payOrderId,
                                 @RequestBody CashierPayRequest request) {
        return cashier.payLink(payOrderId, request);
    }

    /** The order for its payer (the payer named by the query, as the gateway verified it). */
    @GetMapping("/internal/cashier/orders/{pay_order_id}")
    public CashierOrderView find(@PathVariable("pay_order_id") String payOrderId, @RequestParam String wallet,
                                 @RequestParam("payer_id") String payerId, @RequestParam("id_kind") String idKind,
                                 @RequestParam(name = "app_id", required = false) String appId) {
        return cashier.find(payOrderId, new Payer(wallet, payerId, idKind, appId));
    }

    /** A QR_CASHIER order before its payer is known (the link's landing page). */
    @GetMapping("/internal/cashier/links/{pay_order_id}")
    public CashierOrderView findLink(@PathVariable("pay_order_id") String payOrderId) {
        return cashier.findLink(payOrderId);
    }
}
