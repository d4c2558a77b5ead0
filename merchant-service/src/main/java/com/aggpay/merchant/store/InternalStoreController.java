package com.aggpay.merchant.store;

import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.Merchants;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service lookup of a store code for the cashier. The gateway routes no {@code /internal/**} path, and the
 * service-auth filter lets only the gateway call this one (application.yml). Disabled codes are answered too, so the
 * cashier can tell "not accepting payments" from "unknown".
 */
@RestController
class InternalStoreController {

    private final MerchantStores stores;
    private final Merchants merchants;

    InternalStoreController(MerchantStores stores, Merchants merchants) {
        this.stores = stores;
        this.merchants = merchants;
    }

    @GetMapping("/internal/stores/{store_code}")
    InternalStoreView store(@PathVariable("store_code") String storeCode) {
        Optional<MerchantStore> found = StoreCodes.plausible(storeCode) ? stores.findByCode(storeCode) : Optional.empty();
        MerchantStore store = found.orElseThrow(PortalStores::unknown);
        Merchant merchant = merchants.findById(store.getMerchantId())
                .orElseThrow(() -> new IllegalStateException("store " + storeCode + " has no merchant row"));
        return new InternalStoreView(store.getStoreCode(), store.getName(), store.getState(), merchant.getMerchantId(),
                merchant.getMchNo(), merchant.getCompanyName(), merchant.getState(), store.getAppId());
    }
}
