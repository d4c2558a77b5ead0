package com.aggpay.order.cashier;

/**
 * An order as the payer's page shows it: no merchant data beyond what the payer is paying for.
 *
 * @param payWay    the wallet's pay way once known (for a QR_CASHIER order before that: QR_CASHIER)
 * @param storeName the store of a static-code payment; null for a QR_CASHIER order
 * @param mchNo     whose order it is (the gateway picks that merchant's channels for the payer's authorisation)
 */
public record CashierOrderView(String payOrderId, String mchNo, long amount, String subject, String state,
                               String payWay, String expiresAt, String storeName) {
}
