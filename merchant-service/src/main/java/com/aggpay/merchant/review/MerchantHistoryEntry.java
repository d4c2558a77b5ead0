package com.aggpay.merchant.review;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code merchant_history}: who did what to a merchant's onboarding, and why. Append-only. */
@TableName("merchant_history")
public class MerchantHistoryEntry {

    /** Who acted: one of the merchant's users (by email) or an operator (by username). */
    public enum ActorType { MERCHANT_USER, OPERATOR }

    @TableId(type = IdType.AUTO)
    private Long id;
    private String merchantId;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime occurredAt;
    private ActorType actorType;
    private String actor;
    private HistoryAction action;
    private String reason;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
    public ActorType getActorType() { return actorType; }
    public void setActorType(ActorType actorType) { this.actorType = actorType; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public HistoryAction getAction() { return action; }
    public void setAction(HistoryAction action) { this.action = action; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
