package com.aggpay.router.channel;

/** What an adapter can do beyond opening trades; callers check before they call, adapters fail loudly otherwise. */
public enum Capability {
    QUERY, CLOSE, REFUND, REFUND_QUERY, REFUND_NOTIFY, BILL
}
