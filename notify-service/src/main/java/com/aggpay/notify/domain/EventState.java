package com.aggpay.notify.domain;

/**
 * Lifecycle of one webhook event: PENDING until a 2xx (DELIVERED) or the retry schedule runs out (FAILED); HELD
 * while its endpoint is disabled (never attempted, never given up), PENDING again when the endpoint is enabled.
 */
public enum EventState {
    PENDING,
    DELIVERED,
    FAILED,
    HELD
}
