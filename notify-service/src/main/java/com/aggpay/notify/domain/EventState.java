package com.aggpay.notify.domain;

/** Lifecycle of one webhook event: PENDING until a 2xx (DELIVERED) or the retry schedule runs out (FAILED). */
public enum EventState {
    PENDING,
    DELIVERED,
    FAILED
}
