package com.aggpay.order.cashier;

/** A payer's wallet taking a QR_CASHIER order, as the gateway passes it on after it verified the payer's session. */
public record CashierPayRequest(Payer payer, String clientIp) {
}
