package com.aggpay.router.trade;

import java.time.LocalDateTime;

/** A row of {@code trade_attempt}: one trade the router opened or tried to open, and what became of it. */
public class TradeAttempt {

    private String outTradeNo;
    private String payOrderId;
    private String mchNo;
    private int seq;
    private String channel;
    private String payWay;
    private long amount;
    private String outcome;
    private String channelCode;
    private long latencyMs;
    private String payDataType;
    private String payData;
    private boolean quotaReserved;
    /** null: nothing to close; PENDING: an orphan to close upstream; CLOSED; PAID (an orphan was paid: alert) */
    private String closeState;
    private int closeTries;
    private LocalDateTime nextCloseAt;
    private int tries;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public String getOutTradeNo() { return outTradeNo; }
    public void setOutTradeNo(String v) { outTradeNo = v; }
    public String getPayOrderId() { return payOrderId; }
    public void setPayOrderId(String v) { payOrderId = v; }
    public String getMchNo() { return mchNo; }
    public void setMchNo(String v) { mchNo = v; }
    public int getSeq() { return seq; }
    public void setSeq(int v) { seq = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getPayWay() { return payWay; }
    public void setPayWay(String v) { payWay = v; }
    public long getAmount() { return amount; }
    public void setAmount(long v) { amount = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getChannelCode() { return channelCode; }
    public void setChannelCode(String v) { channelCode = v; }
    public long getLatencyMs() { return latencyMs; }
    public void setLatencyMs(long v) { latencyMs = v; }
    public String getPayDataType() { return payDataType; }
    public void setPayDataType(String v) { payDataType = v; }
    public String getPayData() { return payData; }
    public void setPayData(String v) { payData = v; }
    public boolean isQuotaReserved() { return quotaReserved; }
    public void setQuotaReserved(boolean v) { quotaReserved = v; }
    public String getCloseState() { return closeState; }
    public void setCloseState(String v) { closeState = v; }
    public int getCloseTries() { return closeTries; }
    public void setCloseTries(int v) { closeTries = v; }
    public LocalDateTime getNextCloseAt() { return nextCloseAt; }
    public void setNextCloseAt(LocalDateTime v) { nextCloseAt = v; }
    public int getTries() { return tries; }
    public void setTries(int v) { tries = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime v) { updatedAt = v; }
}
