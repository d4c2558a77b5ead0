package com.aggpay.order.cashier;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of {@code cashier_payment}: who pays an order through the cashier, and what counts against the cap. */
@TableName("cashier_payment")
public class CashierPayment {

    @TableId(type = IdType.INPUT)
    private String payOrderId;
    private String payerKey;
    /** a store's static code (counted against the PBOC daily cap), not a QR_CASHIER order's link */
    private boolean staticCode;
    private String storeCode;
    private String storeName;
    /** the Asia/Shanghai day of the payment */
    private LocalDate payDay;
    private long amount;
    private LocalDateTime createdAt;

    public String getPayOrderId() { return payOrderId; }
    public void setPayOrderId(String v) { payOrderId = v; }
    public String getPayerKey() { return payerKey; }
    public void setPayerKey(String v) { payerKey = v; }
    public boolean isStaticCode() { return staticCode; }
    public void setStaticCode(boolean v) { staticCode = v; }
    public String getStoreCode() { return storeCode; }
    public void setStoreCode(String v) { storeCode = v; }
    public String getStoreName() { return storeName; }
    public void setStoreName(String v) { storeName = v; }
    public LocalDate getPayDay() { return payDay; }
    public void setPayDay(LocalDate v) { payDay = v; }
    public long getAmount() { return amount; }
    public void setAmount(long v) { amount = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
}
