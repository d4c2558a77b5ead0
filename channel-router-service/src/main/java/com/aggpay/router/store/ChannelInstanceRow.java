package com.aggpay.router.store;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** A row of {@code channel_instance}; credentials stay sealed until {@link ChannelInstances} opens them. */
@TableName("channel_instance")
public class ChannelInstanceRow {

    @TableId(type = IdType.INPUT)
    private String name;
    private String type;
    private String accountId;
    /** comma-separated pay ways */
    private String payWays;
    private boolean enabled;
    private int priority;
    /** share of the weighted split */
    private int weight;
    /** fee rate in parts per million of the amount (3800 = 0.38%) */
    private int feeRatePpm;
    /** per-transaction limits and the daily amount cap, minor units; null = none */
    private long minAmount;
    private Long maxAmount;
    private Long dailyCap;
    private String apiBaseUrl;
    private String credentialsEnc;
    /** the merchant's own daily cap on this channel, read only with a contract ({@link ChannelInstanceRows#findContracted}) */
    @TableField(exist = false)
    private Long merchantDailyCap;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String v) { accountId = v; }
    public String getPayWays() { return payWays; }
    public void setPayWays(String v) { payWays = v; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public int getPriority() { return priority; }
    public void setPriority(int v) { priority = v; }
    public int getWeight() { return weight; }
    public void setWeight(int v) { weight = v; }
    public int getFeeRatePpm() { return feeRatePpm; }
    public void setFeeRatePpm(int v) { feeRatePpm = v; }
    public long getMinAmount() { return minAmount; }
    public void setMinAmount(long v) { minAmount = v; }
    public Long getMaxAmount() { return maxAmount; }
    public void setMaxAmount(Long v) { maxAmount = v; }
    public Long getDailyCap() { return dailyCap; }
    public void setDailyCap(Long v) { dailyCap = v; }
    public String getApiBaseUrl() { return apiBaseUrl; }
    public void setApiBaseUrl(String v) { apiBaseUrl = v; }
    public String getCredentialsEnc() { return credentialsEnc; }
    public void setCredentialsEnc(String v) { credentialsEnc = v; }
    public Long getMerchantDailyCap() { return merchantDailyCap; }
    public void setMerchantDailyCap(Long v) { merchantDailyCap = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime v) { updatedAt = v; }
}
