package com.aggpay.merchant.app;

public enum AppState {
    ACTIVE, DISABLED
}
