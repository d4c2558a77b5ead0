package com.aggpay.merchant.merchant;

/** Onboarding workflow: a merchant can take payments only once an operator approved it. */
public enum MerchantState {
    DRAFT, SUBMITTED, APPROVED, REJECTED
}
