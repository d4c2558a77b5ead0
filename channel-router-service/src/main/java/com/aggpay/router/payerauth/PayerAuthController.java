package com.aggpay.router.payerauth;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal, for the gateway's store cashier: how a payer who scanned a code inside a wallet is identified before an
 * in-wallet (JSAPI) order can be placed for them. {@code authorize} says where to send the payer; {@code exchange}
 * turns the code they come back with into their id for the order's channel_extra.
 */
@RestController
class PayerAuthController {

    private final AuthorizePayer authorizePayer;
    private final ExchangePayerCode exchangePayerCode;

    PayerAuthController(AuthorizePayer authorizePayer, ExchangePayerCode exchangePayerCode) {
        this.authorizePayer = authorizePayer;
        this.exchangePayerCode = exchangePayerCode;
    }

    @PostMapping("/internal/payer-auth/authorize")
    AuthorizeAnswer authorize(@RequestBody AuthorizeRequest request) {
        return authorizePayer.authorize(PayerAuthInput.checked(request));
    }

    @PostMapping("/internal/payer-auth/exchange")
    ExchangeAnswer exchange(@RequestBody ExchangeRequest request) {
        return exchangePayerCode.exchange(PayerAuthInput.checked(request));
    }
}
