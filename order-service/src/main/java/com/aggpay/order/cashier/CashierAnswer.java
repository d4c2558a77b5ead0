package com.aggpay.order.cashier;

/**
 * What the payer's page needs to pay: the wallet's own parameters (the merchant sees a QR_CASHIER order's link
 * instead, see {@code PayOrderViews}).
 */
public record CashierAnswer(String payOrderId, long amount, String payWay, String payDataType, String payData,
                            String state) {
}
