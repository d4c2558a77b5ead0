package com.aggpay.order.cashier;

/**
 * A payer's order at a store's static code, as the gateway passes it on after it found the store and verified the
 * payer's session: the store's merchant and app, the amount typed on the cashier's keypad, and the page's request id
 * (the same on a retry, so a retried press is the same order).
 */
public record StaticOrderRequest(String appId, String mchNo, String storeCode, String storeName, Long amount,
                                 String requestId, Payer payer, String clientIp) {
}
