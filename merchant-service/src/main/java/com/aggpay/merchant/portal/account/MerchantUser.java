package com.aggpay.merchant.portal.account;

import com.aggpay.merchant.portal.auth.MerchantRole;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code merchant_user}: one person's login to one merchant's portal. */
@TableName("merchant_user")
public class MerchantUser {

    @TableId(type = IdType.INPUT)
    private String userId;
    private String merchantId;
    private String email;
    private String passwordHash;
    private MerchantRole role;
    private LocalDateTime disabledAt;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime createdAt;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime updatedAt;

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public MerchantRole getRole() { return role; }
    public void setRole(MerchantRole role) { this.role = role; }
    public LocalDateTime getDisabledAt() { return disabledAt; }
    public void setDisabledAt(LocalDateTime disabledAt) { this.disabledAt = disabledAt; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }

    /** The password hash stays out of every log line. */
    @Override
    public String toString() {
        return "MerchantUser[userId=" + userId + ", merchantId=" + merchantId + ", role=" + role + "]";
    }
}
