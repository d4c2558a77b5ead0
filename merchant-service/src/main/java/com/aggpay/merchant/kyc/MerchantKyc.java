package com.aggpay.merchant.kyc;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/**
 * Row of {@code merchant_kyc}. The ID and account numbers are held only sealed, with their last four characters apart
 * for the masked views; {@link #toString()} is Object's, so no field is ever printed by accident.
 */
@TableName("merchant_kyc")
public class MerchantKyc {

    @TableId(type = IdType.INPUT)
    private String merchantId;
    // Every field may be cleared by a later save of the form, so nulls are written too.
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String companyName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String uscc;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String legalPerson;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String legalPersonIdNoEnc;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String legalPersonIdNoLast4;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String contactPhone;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private BusinessCategory businessCategory;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String settlementAccountName;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String settlementBank;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String settlementAccountNoEnc;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String settlementAccountNoLast4;
    private String licenceFile;
    private String licenceContentType;
    private Integer licenceSize;
    private String licenceSha256;
    private LocalDateTime submittedAt;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime createdAt;
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDateTime updatedAt;

    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getLegalPerson() { return legalPerson; }
    public void setLegalPerson(String legalPerson) { this.legalPerson = legalPerson; }
    public String getLegalPersonIdNoEnc() { return legalPersonIdNoEnc; }
    public void setLegalPersonIdNoEnc(String legalPersonIdNoEnc) { this.legalPersonIdNoEnc = legalPersonIdNoEnc; }
    public String getLegalPersonIdNoLast4() { return legalPersonIdNoLast4; }
    public void setLegalPersonIdNoLast4(String last4) { this.legalPersonIdNoLast4 = last4; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public BusinessCategory getBusinessCategory() { return businessCategory; }
    public void setBusinessCategory(BusinessCategory businessCategory) { this.businessCategory = businessCategory; }
    public String getSettlementAccountName() { return settlementAccountName; }
    public void setSettlementAccountName(String name) { this.settlementAccountName = name; }
    public String getSettlementBank() { return settlementBank; }
    public void setSettlementBank(String settlementBank) { this.settlementBank = settlementBank; }
    public String getSettlementAccountNoEnc() { return settlementAccountNoEnc; }
    public void setSettlementAccountNoEnc(String sealed) { this.settlementAccountNoEnc = sealed; }
    public String getSettlementAccountNoLast4() { return settlementAccountNoLast4; }
    public void setSettlementAccountNoLast4(String last4) { this.settlementAccountNoLast4 = last4; }
    public String getLicenceFile() { return licenceFile; }
    public void setLicenceFile(String licenceFile) { this.licenceFile = licenceFile; }
    public String getLicenceContentType() { return licenceContentType; }
    public void setLicenceContentType(String contentType) { this.licenceContentType = contentType; }
    public Integer getLicenceSize() { return licenceSize; }
    public void setLicenceSize(Integer licenceSize) { this.licenceSize = licenceSize; }
    public String getLicenceSha256() { return licenceSha256; }
    public void setLicenceSha256(String licenceSha256) { this.licenceSha256 = licenceSha256; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(LocalDateTime submittedAt) { this.submittedAt = submittedAt; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
