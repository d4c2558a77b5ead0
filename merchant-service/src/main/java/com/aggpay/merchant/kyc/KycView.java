package com.aggpay.merchant.kyc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The KYC as every answer shows it: the ID and account numbers masked (last four characters), the licence described
 * but not included. {@code missing} lists what a submit still needs, by field name.
 */
public record KycView(String merchantId, String companyName, String uscc, String legalPerson, String legalPersonIdNo,
                      String contactPhone, BusinessCategory businessCategory, String settlementAccountName,
                      String settlementBank, String settlementAccountNo, Licence licence, OffsetDateTime submittedAt,
                      List<String> missing) {

    /** The uploaded licence image, if any: its type, size and SHA-256, never its bytes. */
    public record Licence(String contentType, int size, String sha256) {
    }

    static final int ID_NUMBER_LENGTH = 18;
    /** Account numbers differ in length; the mask does not tell it. */
    static final int ACCOUNT_MASK_LENGTH = 16;

    public static KycView of(String merchantId, MerchantKyc kyc) {
        if (kyc == null) {
            return new KycView(merchantId, null, null, null, null, null, null, null, null, null, null, null,
                    missing(null));
        }
        Licence licence = kyc.getLicenceFile() == null ? null
                : new Licence(kyc.getLicenceContentType(), kyc.getLicenceSize(), kyc.getLicenceSha256());
        return new KycView(merchantId, kyc.getCompanyName(), kyc.getUscc(), kyc.getLegalPerson(),
                Masking.masked(kyc.getLegalPersonIdNoLast4(), ID_NUMBER_LENGTH), kyc.getContactPhone(),
                kyc.getBusinessCategory(), kyc.getSettlementAccountName(), kyc.getSettlementBank(),
                Masking.masked(kyc.getSettlementAccountNoLast4(), ACCOUNT_MASK_LENGTH), licence,
                kyc.getSubmittedAt() == null ? null : kyc.getSubmittedAt().atOffset(ZoneOffset.UTC), missing(kyc));
    }

    /** What a submit needs and this form lacks, in the form's order. */
    static List<String> missing(MerchantKyc kyc) {
        List<String> missing = new ArrayList<>();
        if (kyc == null || kyc.getCompanyName() == null) missing.add("company_name");
        if (kyc == null || kyc.getUscc() == null) missing.add("uscc");
        if (kyc == null || kyc.getLegalPerson() == null) missing.add("legal_person");
        if (kyc == null || kyc.getLegalPersonIdNoEnc() == null) missing.add("legal_person_id_no");
        if (kyc == null || kyc.getContactPhone() == null) missing.add("contact_phone");
        if (kyc == null || kyc.getBusinessCategory() == null) missing.add("business_category");
        if (kyc == null || kyc.getSettlementAccountName() == null) missing.add("settlement_account_name");
        if (kyc == null || kyc.getSettlementBank() == null) missing.add("settlement_bank");
        if (kyc == null || kyc.getSettlementAccountNoEnc() == null) missing.add("settlement_account_no");
        if (kyc == null || kyc.getLicenceFile() == null) missing.add("licence");
        return List.copyOf(missing);
    }
}
