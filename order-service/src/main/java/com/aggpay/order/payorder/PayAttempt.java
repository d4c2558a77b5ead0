package com.aggpay.order.payorder;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** One trade the router opened or tried to open for an order: channel, outcome class, channel code, latency. */
@TableName("pay_attempt")
public class PayAttempt {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String payOrderId;
    private int seq;
    private String channel;
    private String outTradeNo;
    private String outcome;
    private String channelCode;
    private long latencyMs;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public String getPayOrderId() { return payOrderId; }
    public void setPayOrderId(String v) { payOrderId = v; }
    public int getSeq() { return seq; }
    public void setSeq(int v) { seq = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getOutTradeNo() { return outTradeNo; }
    public void setOutTradeNo(String v) { outTradeNo = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getChannelCode() { return channelCode; }
    public void setChannelCode(String v) { channelCode = v; }
    public long getLatencyMs() { return latencyMs; }
    public void setLatencyMs(long v) { latencyMs = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
}
