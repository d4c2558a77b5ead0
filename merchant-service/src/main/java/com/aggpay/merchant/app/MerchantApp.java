package com.aggpay.merchant.app;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/**
 * Row of {@code merchant_app}. The two secrets are held only in their sealed form ({@code SecretBox}), so a
 * stray log of this object or a database dump never shows them.
 */
@TableName("merchant_app")
public class MerchantApp {

    @TableId(type = IdType.INPUT)
    private String appId;
    private String merchantId;
    private String name;
    private AppState state;
    private String appSecretEnc;
    private String webhookSecretEnc;
    /** The secret before the last rotation; verifies until {@link #previousSecretValidUntil} (UTC). */
    private String previousAppSecretEnc;
    private LocalDateTime previousSecretValidUntil;
    private String webhookUrl;
    private String rsaPublicKey;
    /** Both null, or both set: null means the platform default ({@link AppsProperties}). */
    private Integer rateLimitPerSecond;
    private Integer rateLimitBurst;
    // The database owns both timestamps (DEFAULT / ON UPDATE); writing them back would freeze updated_at.
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime createdAt;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime updatedAt;

    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public AppState getState() { return state; }
    public void setState(AppState state) { this.state = state; }
    public String getAppSecretEnc() { return appSecretEnc; }
    public void setAppSecretEnc(String appSecretEnc) { this.appSecretEnc = appSecretEnc; }
    public String getWebhookSecretEnc() { return webhookSecretEnc; }
    public void setWebhookSecretEnc(String webhookSecretEnc) { this.webhookSecretEnc = webhookSecretEnc; }
    public String getPreviousAppSecretEnc() { return previousAppSecretEnc; }
    public void setPreviousAppSecretEnc(String sealed) { this.previousAppSecretEnc = sealed; }
    public LocalDateTime getPreviousSecretValidUntil() { return previousSecretValidUntil; }
    public void setPreviousSecretValidUntil(LocalDateTime until) { this.previousSecretValidUntil = until; }
    public String getWebhookUrl() { return webhookUrl; }
    public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
    public String getRsaPublicKey() { return rsaPublicKey; }
    public void setRsaPublicKey(String rsaPublicKey) { this.rsaPublicKey = rsaPublicKey; }
    public Integer getRateLimitPerSecond() { return rateLimitPerSecond; }
    public void setRateLimitPerSecond(Integer rateLimitPerSecond) { this.rateLimitPerSecond = rateLimitPerSecond; }
    public Integer getRateLimitBurst() { return rateLimitBurst; }
    public void setRateLimitBurst(Integer rateLimitBurst) { this.rateLimitBurst = rateLimitBurst; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
