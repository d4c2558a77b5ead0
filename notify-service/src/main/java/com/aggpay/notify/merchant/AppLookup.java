package com.aggpay.notify.merchant;

/** The answer about an app: found, unknown to merchant-service, or merchant-service could not say. */
public sealed interface AppLookup {

    record Found(AppInfo app) implements AppLookup {
    }

    record Unknown() implements AppLookup {
    }

    record Unavailable(String error) implements AppLookup {
    }
}
