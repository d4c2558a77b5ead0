package com.aggpay.notify.store;

import java.time.Instant;

/** An earlier event of one order, as {@link WebhookEventMapper#earlierOfOrder} reads it. */
public class EarlierEventRow {
    public int orderSeq;
    public String state;
    public Instant nextAttemptAt;
}
