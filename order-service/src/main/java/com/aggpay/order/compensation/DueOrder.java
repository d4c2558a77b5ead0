package com.aggpay.order.compensation;

import java.time.LocalDateTime;

/** A PAYING order due for a query or a close, as the scan saw it. */
public class DueOrder {

    private String payOrderId;
    private LocalDateTime nextQueryAt;
    private int queryTries;

    public String getPayOrderId() { return payOrderId; }
    public void setPayOrderId(String v) { payOrderId = v; }
    public LocalDateTime getNextQueryAt() { return nextQueryAt; }
    public void setNextQueryAt(LocalDateTime v) { nextQueryAt = v; }
    public int getQueryTries() { return queryTries; }
    public void setQueryTries(int v) { queryTries = v; }
}
