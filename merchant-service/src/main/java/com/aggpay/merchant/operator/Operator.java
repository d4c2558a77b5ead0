package com.aggpay.merchant.operator;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code operator}: a platform operator's login. The password is kept only as a BCrypt hash. */
@TableName("operator")
public class Operator {

    @TableId(type = IdType.INPUT)
    private String username;
    private String passwordHash;
    private OperatorRole role;
    /** Null while the operator is active; set when it was disabled (it cannot log in, its tokens are revoked). */
    private LocalDateTime disabledAt;
    // The database owns both timestamps (DEFAULT / ON UPDATE); writing them back would freeze updated_at.
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime createdAt;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime updatedAt;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public OperatorRole getRole() { return role; }
    public void setRole(OperatorRole role) { this.role = role; }
    public LocalDateTime getDisabledAt() { return disabledAt; }
    public void setDisabledAt(LocalDateTime disabledAt) { this.disabledAt = disabledAt; }
    public boolean isDisabled() { return disabledAt != null; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
