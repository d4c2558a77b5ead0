package com.aggpay.merchant.review;

import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A merchant as the portal's {@code GET /merchant} and the operators' lists show it (API.md). */
public record MerchantView(String merchantId, String mchNo, String companyName, MerchantState state,
                           String rejectReason, OffsetDateTime createdAt) {

    public static MerchantView of(Merchant merchant) {
        return new MerchantView(merchant.getMerchantId(), merchant.getMchNo(), merchant.getCompanyName(),
                merchant.getState(), merchant.getRejectReason(),
                merchant.getCreatedAt() == null ? null : merchant.getCreatedAt().atOffset(ZoneOffset.UTC));
    }
}
