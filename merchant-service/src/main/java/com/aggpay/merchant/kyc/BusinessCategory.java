package com.aggpay.merchant.kyc;

/**
 * What a merchant sells, as the KYC form asks it. Channel-router gives an approved merchant the default contracts of
 * its category (aggpay.router.default-contracts there), so names are stored and sent as they are: never rename one.
 */
public enum BusinessCategory {
    RETAIL, CATERING, GROCERY, ONLINE_SERVICES, EDUCATION, TRAVEL, ENTERTAINMENT, HEALTHCARE, OTHER
}
