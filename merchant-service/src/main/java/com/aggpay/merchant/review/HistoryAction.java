package com.aggpay.merchant.review;

/** A step in a merchant's onboarding as its history shows it; stored by name, so names never change. */
public enum HistoryAction {
    SIGNED_UP, KYC_SUBMITTED, APPROVED, REJECTED
}
