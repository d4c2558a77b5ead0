package com.aggpay.order.reconciliation.domain;

/** API.md's classification of a difference between a channel's bill and the platform's records. */
public enum DiscrepancyType {
    /** 长款: the channel moved money the platform has no record of (including orphan trades, see {@link Reconcile}) */
    CHANNEL_ONLY,
    /** 短款: the platform booked money the channel's bill does not show */
    PLATFORM_ONLY,
    /** both sides know it, with different amounts */
    AMOUNT_MISMATCH,
    /** both sides know it, and disagree on whether the money moved (or on which channel) */
    STATE_MISMATCH
}
