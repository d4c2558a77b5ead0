package com.aggpay.router.channel;

/**
 * A trade's state upstream, mapped from each channel's own statuses by one exhaustive switch in its mapper.
 * A status the mapper does not know becomes {@link #UNKNOWN}, never {@link #PAID}.
 */
public enum TradeStatus {
    NOT_PAID, PAYING, PAID, CLOSED, REFUNDED, FAILED, UNKNOWN
}
