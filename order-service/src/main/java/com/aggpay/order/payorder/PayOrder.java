package com.aggpay.order.payorder;

import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.payorder.domain.PayWay;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** A row of {@code pay_order}. Times are UTC. State changes go through {@link PayOrders}' conditional updates only. */
@TableName("pay_order")
public class PayOrder {

    @TableId(type = IdType.INPUT)
    private String payOrderId;
    private String mchNo;
    private String appId;
    private String mchOrderNo;
    private long amount;
    private String currency;
    private String payWay;
    /** QR_CASHIER only: the pay way of the payer's wallet, with which its trade is opened; null before and otherwise */
    private String walletPayWay;
    private String subject;
    private String body;
    private String notifyUrl;
    private String clientIp;
    private String channelExtra;
    private String metadata;
    private OrderState state;
    private String channel;
    private String outTradeNo;
    private String channelTradeNo;
    private String payDataType;
    private String payData;
    /** the channel's fee rate when the trade was opened, parts per million; null when not known */
    private Integer feeRatePpm;
    private long refundedAmount;
    private String failureCode;
    private LocalDateTime placingUntil;
    private LocalDateTime createdAt;
    private LocalDateTime expiresAt;
    private LocalDateTime paidAt;
    private LocalDateTime updatedAt;

    public String getPayOrderId() { return payOrderId; }
    public void setPayOrderId(String v) { payOrderId = v; }
    public String getMchNo() { return mchNo; }
    public void setMchNo(String v) { mchNo = v; }
    public String getAppId() { return appId; }
    public void setAppId(String v) { appId = v; }
    public String getMchOrderNo() { return mchOrderNo; }
    public void setMchOrderNo(String v) { mchOrderNo = v; }
    public long getAmount() { return amount; }
    public void setAmount(long v) { amount = v; }
    public String getCurrency() { return currency; }
    public void setCurrency(String v) { currency = v; }
    public String getPayWay() { return payWay; }
    public void setPayWay(String v) { payWay = v; }
    public String getWalletPayWay() { return walletPayWay; }
    public void setWalletPayWay(String v) { walletPayWay = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getNotifyUrl() { return notifyUrl; }
    public void setNotifyUrl(String v) { notifyUrl = v; }
    public String getClientIp() { return clientIp; }
    public void setClientIp(String v) { clientIp = v; }
    public String getChannelExtra() { return channelExtra; }
    public void setChannelExtra(String v) { channelExtra = v; }
    public String getMetadata() { return metadata; }
    public void setMetadata(String v) { metadata = v; }
    public OrderState getState() { return state; }
    public void setState(OrderState v) { state = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getOutTradeNo() { return outTradeNo; }
    public void setOutTradeNo(String v) { outTradeNo = v; }
    public String getChannelTradeNo() { return channelTradeNo; }
    public void setChannelTradeNo(String v) { channelTradeNo = v; }
    public String getPayDataType() { return payDataType; }
    public void setPayDataType(String v) { payDataType = v; }
    public String getPayData() { return payData; }
    public void setPayData(String v) { payData = v; }
    public Integer getFeeRatePpm() { return feeRatePpm; }
    public void setFeeRatePpm(Integer v) { feeRatePpm = v; }
    public long getRefundedAmount() { return refundedAmount; }
    public void setRefundedAmount(long v) { refundedAmount = v; }
    public String getFailureCode() { return failureCode; }
    public void setFailureCode(String v) { failureCode = v; }
    public LocalDateTime getPlacingUntil() { return placingUntil; }
    public void setPlacingUntil(LocalDateTime v) { placingUntil = v; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime v) { createdAt = v; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(LocalDateTime v) { expiresAt = v; }
    public LocalDateTime getPaidAt() { return paidAt; }
    public void setPaidAt(LocalDateTime v) { paidAt = v; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime v) { updatedAt = v; }

    /** Same content in the sense of API.md's idempotency rule: amount, currency, pay_way and subject. */
    public boolean sameContentAs(PayOrder other) {
        return amount == other.amount && currency.equals(other.currency) && payWay.equals(other.payWay)
                && subject.equals(other.subject);
    }

    /** What {@link PayOrders#recordTrade} stored, applied to this copy once the update matched. */
    void recordTrade(String channel, String outTradeNo, String payDataType, String payData, Integer feeRatePpm,
                     LocalDateTime now) {
        this.channel = channel;
        this.outTradeNo = outTradeNo;
        this.payDataType = payDataType;
        this.payData = payData;
        this.feeRatePpm = feeRatePpm;
        this.placingUntil = null;
        this.updatedAt = now;
    }

    public boolean hasTrade() {
        return payData != null;
    }

    /** The pay way its trade is opened with: the wallet's for a QR_CASHIER order, else the order's own. */
    public String tradePayWay() {
        return walletPayWay != null ? walletPayWay : payWay;
    }

    /** A QR_CASHIER order: the platform's cashier page collects the payer's wallet before any trade is opened. */
    public boolean isCashierLink() {
        return PayWay.QR_CASHIER.name().equals(payWay);
    }
}
