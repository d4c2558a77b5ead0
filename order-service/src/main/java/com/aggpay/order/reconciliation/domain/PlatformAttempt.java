package com.aggpay.order.reconciliation.domain;

/** A trade the router opened (or tried to) for an order, that is not the order's handed-out trade. */
public record PlatformAttempt(String payOrderId, String outTradeNo, String channel) {
}
