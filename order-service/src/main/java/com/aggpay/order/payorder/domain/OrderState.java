package com.aggpay.order.payorder.domain;

/**
 * A pay order's life: {@code PAYING → SUCCESS | FAILED | CLOSED}. {@code SUCCESS} is final. A payment reported by
 * a channel is applied even to a {@code FAILED} or {@code CLOSED} order, because then the payer's money was taken
 * and hiding it would lose it; that case also raises an alert.
 */
public enum OrderState {
    PAYING, SUCCESS, FAILED, CLOSED;

    public boolean acceptsPayment() {
        return this != SUCCESS;
    }

    public boolean isFinal() {
        return this == SUCCESS;
    }
}
