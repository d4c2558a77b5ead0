package com.aggpay.order.portal;

/**
 * The body of a portal refund. {@code mchRefundNo} is the idempotency key as in the merchant API; when left out a
 * fresh one is made, so only a caller that sends one can repeat the request safely.
 */
record PortalRefundRequest(String payOrderId, Long amount, String reason, String mchRefundNo) {
}
