package com.aggpay.merchant.store;

/** A store's code takes payments while ACTIVE; a DISABLED code stays known (the cashier says it is not accepting). */
public enum StoreState {
    ACTIVE, DISABLED
}
