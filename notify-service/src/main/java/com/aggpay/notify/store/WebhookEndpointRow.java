package com.aggpay.notify.store;

import java.time.Instant;

/** A {@code webhook_endpoint} row: one webhook URL of one merchant and whether it is called (see domain.EndpointHealth). */
public class WebhookEndpointRow {
    public Long id;
    public String mchNo;
    public String url;
    public String urlHash;
    public String state;
    public String disabledReason;
    public Instant disabledAt;
    public Instant failingSince;
    public int consecutiveFailures;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean disabled() {
        return "DISABLED".equals(state);
    }
}
