package com.aggpay.gateway.app;

/** What merchant-service said about an app id; "could not ask" is an error, not a lookup. */
public sealed interface AppLookup {

    record Found(MerchantAppInfo app) implements AppLookup {
    }

    record Unknown(String appId) implements AppLookup {
    }
}
