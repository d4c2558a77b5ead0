package com.aggpay.merchant.portal.auth;

/**
 * What a merchant's user may do in the portal. Each role can do everything the roles below it can:
 * a viewer reads; a developer also manages apps, keys, webhooks and resends; the owner also edits the KYC,
 * submits it, issues refunds and manages the merchant's users.
 */
public enum MerchantRole {
    VIEWER, DEVELOPER, OWNER;

    /** The role claim of a portal token; operator tokens carry {@code OPERATOR}, so neither passes for the other. */
    public String tokenRole() {
        return "MERCHANT_" + name();
    }

    public static MerchantRole fromTokenRole(String role) {
        for (MerchantRole candidate : values()) {
            if (candidate.tokenRole().equals(role)) {
                return candidate;
            }
        }
        return null;
    }

    public boolean atLeast(MerchantRole needed) {
        return compareTo(needed) >= 0;
    }
}
