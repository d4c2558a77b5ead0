package com.aggpay.merchant.kyc;

/**
 * {@code PUT /api/portal/kyc}: the fields a merchant fills in. A field left out (null) keeps what was saved; an empty
 * string clears it; anything else is checked and stored. The form may be saved incomplete (a draft); only a submit
 * needs every field and the licence.
 */
public record KycForm(String companyName, String uscc, String legalPerson, String legalPersonIdNo,
                      String contactPhone, String businessCategory, String settlementAccountName,
                      String settlementBank, String settlementAccountNo) {

    /** Two of the fields are secrets: never print them. */
    @Override
    public String toString() {
        return "KycForm[companyName=" + companyName + ", uscc=" + uscc + ", businessCategory=" + businessCategory
                + ", secrets=<hidden>]";
    }
}
