package com.aggpay.order.refund;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** A row of {@code refund}. Times are UTC. State changes go through {@link Refunds}' conditional updates only. */
@TableName("refund")
public class Refund {

    public enum State { PROCESSING, SUCCESS, FAILED }

    @TableId(type = IdType.INPUT)
    private String refundId;
    private String payOrderId;
    private String appId;
    private String mchNo;
    private String mchRefundNo;
    private String outRefundNo;
    private long amount;
    private String reason;
    private State state;
    private String channel;
    private String channelRefundNo;
    private String failureCode;
    private LocalDateTime createdAt;
    private LocalDateTime succeededAt;
    private LocalDateTime updatedAt;
    private LocalDateTime nextQueryAt;
    private int queryTries;

    public String getRefundId() { return refundId; }
    public void setRefundId(String v) { refundId = v; }
    public String getPayOrderId() { return payOrderId; }
    public void setPayOrderId(String v) { payOrderId = v; }
    public String getAppId() { return appId; }
    public void setAppId(String v) { appId = v; }
    public String getMchNo() { return mchNo; }
    public void setMchNo(String v) { mchNo = v; }
    public String getMchRefundNo() { return mchRefundNo; }
    public void setMchRefundNo(String v) { mchRefundNo = v; }
    public String getOutRefundNo() { return outRefundNo; }
    public void setOutRefundNo(String v) { outRefundNo = v; }
    public long getAmount() { return amount; }
    public void setAmount(long v) { amount = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public State getState() { return state; }
    public void setState(State v) { state = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getChannelRefundNo() { return channelRefundNo; }
    public void setChannelRefundNo(String v) { channelRefundNo = v; }
    public String getFailureCode() { return failureCode; }
    public void setFailureCode(String v) { failureCode = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
    public LocalDateTime getSucceededAt() { return succeededAt; }
    public void setSucceededAt(LocalDateTime v) { succeededAt = v; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime v) { updatedAt = v; }
    public LocalDateTime getNextQueryAt() { return nextQueryAt; }
    public void setNextQueryAt(LocalDateTime v) { nextQueryAt = v; }
    public int getQueryTries() { return queryTries; }
    public void setQueryTries(int v) { queryTries = v; }
}
