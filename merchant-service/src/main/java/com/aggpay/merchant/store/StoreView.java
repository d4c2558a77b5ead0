package com.aggpay.merchant.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A store code as the portal shows it.
 *
 * @param replacedBy the code issued in its place by a re-issue, or null
 */
public record StoreView(String storeCode, String name, String qrUrl, String appId, StoreState state,
                        String replacedBy, OffsetDateTime createdAt) {

    static StoreView of(MerchantStore store, StoreProperties links) {
        return new StoreView(store.getStoreCode(), store.getName(), links.qrUrl(store.getStoreCode()),
                store.getAppId(), store.getState(), store.getReplacedBy(),
                store.getCreatedAt() == null ? null : store.getCreatedAt().atOffset(ZoneOffset.UTC));
    }
}
