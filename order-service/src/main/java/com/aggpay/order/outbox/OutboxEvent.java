package com.aggpay.order.outbox;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** A row of {@code outbox_event}: one domain event, written with its state change, sent once sent_at is set. */
@TableName("outbox_event")
public class OutboxEvent {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String eventId;
    private String eventType;
    private String msgKey;
    private String payload;
    private LocalDateTime createdAt;
    private LocalDateTime sentAt;
    private int attempts;
    private String lastError;
    /** W3C trace context of the request that wrote the event; the relay continues its trace. */
    private String traceparent;

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public String getEventId() { return eventId; }
    public void setEventId(String v) { eventId = v; }
    public String getEventType() { return eventType; }
    public void setEventType(String v) { eventType = v; }
    public String getMsgKey() { return msgKey; }
    public void setMsgKey(String v) { msgKey = v; }
    public String getPayload() { return payload; }
    public void setPayload(String v) { payload = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
    public LocalDateTime getSentAt() { return sentAt; }
    public void setSentAt(LocalDateTime v) { sentAt = v; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int v) { attempts = v; }
    public String getLastError() { return lastError; }
    public void setLastError(String v) { lastError = v; }
    public String getTraceparent() { return traceparent; }
    public void setTraceparent(String v) { traceparent = v; }
}
