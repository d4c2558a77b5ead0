package com.aggpay.merchant.store;

import com.aggpay.merchant.merchant.MerchantState;

/**
 * A store code as the cashier needs it (gateway-service, issue 11): whose it is, whether its code and its merchant
 * take payments, and the app its orders belong to.
 */
public record InternalStoreView(String storeCode, String name, StoreState state, String merchantId, String mchNo,
                                String companyName, MerchantState merchantState, String appId) {
}
