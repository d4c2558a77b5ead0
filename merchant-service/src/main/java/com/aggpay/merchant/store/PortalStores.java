package com.aggpay.merchant.store;

import com.aggpay.merchant.app.AppState;
import com.aggpay.merchant.app.MerchantApp;
import com.aggpay.merchant.app.MerchantApps;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's stores and their static codes from the portal (API.md "Portal and operator API", issue 11): created
 * only once the merchant is approved and bound to one of its apps; a code is disabled for good, and a re-issue
 * disables it and issues a fresh code for the same store name and app.
 */
@Service
@EnableConfigurationProperties(StoreProperties.class)
public class PortalStores {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    /** Every code ever issued counts (disabled ones stay answerable), so the unpaged list stays small. */
    static final int MAX_CODES_PER_MERCHANT = 1000;
    static final int MAX_NAME_LENGTH = 64;
    /** 60 random bits make a clash all but impossible; a few retries make it harmless. */
    private static final int ISSUE_ATTEMPTS = 5;

    private final MerchantStores stores;
    private final MerchantApps apps;
    private final Merchants merchants;
    private final StoreProperties links;

    PortalStores(MerchantStores stores, MerchantApps apps, Merchants merchants, StoreProperties links) {
        this.stores = stores;
        this.apps = apps;
        this.merchants = merchants;
        this.links = links;
    }

    @Transactional
    public StoreView create(PortalUser user, String name, String appId) {
        user.require(MerchantRole.DEVELOPER);
        String storeName = name(name);
        approvedMerchant(user, "Stores can be created once an operator has approved the merchant.");
        MerchantApp app = appFor(user, appId);
        if (stores.countOfMerchant(user.merchantId()) >= MAX_CODES_PER_MERCHANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "A merchant has at most " + MAX_CODES_PER_MERCHANT
                    + " store codes, disabled ones included.");
        }
        MerchantStore store = issue(user.merchantId(), app.getAppId(), storeName);
        audit.info("event=STORE_CREATED merchant_id={} store_code={} app_id={} by={}", user.merchantId(),
                store.getStoreCode(), store.getAppId(), user.userId());
        return view(store.getStoreCode());
    }

    public List<StoreView> list(PortalUser user) {
        return stores.ofMerchant(user.merchantId()).stream().map(store -> StoreView.of(store, links)).toList();
    }

    /** Any of the merchant's codes, any state; another merchant's is answered exactly like a missing one. */
    public MerchantStore own(PortalUser user, String storeCode) {
        MerchantStore store = StoreCodes.plausible(storeCode) ? stores.selectById(storeCode) : null;
        if (store == null || !store.getMerchantId().equals(user.merchantId())) {
            throw unknown();
        }
        return store;
    }

    /** Disabling a disabled code changes nothing and answers it as it is. */
    @Transactional
    public StoreView disable(PortalUser user, String storeCode) {
        user.require(MerchantRole.DEVELOPER);
        MerchantStore store = ownLocked(user, storeCode);
        if (store.getState() != StoreState.DISABLED) {
            stores.update(null, Wrappers.<MerchantStore>lambdaUpdate().set(MerchantStore::getState, StoreState.DISABLED)
                    .eq(MerchantStore::getStoreCode, storeCode));
            audit.info("event=STORE_DISABLED merchant_id={} store_code={} by={}", user.merchantId(), storeCode,
                    user.userId());
        }
        return view(storeCode);
    }

    /**
     * The old code is disabled for good and points at its successor; each code is re-issued at most once, so a
     * double click never leaves two live codes for one store.
     */
    @Transactional
    public StoreView reissue(PortalUser user, String storeCode) {
        user.require(MerchantRole.DEVELOPER);
        approvedMerchant(user, "Store codes can be issued once an operator has approved the merchant.");
        MerchantStore old = ownLocked(user, storeCode);
        if (old.getReplacedBy() != null) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "This code was already re-issued as "
                    + old.getReplacedBy() + ".", "store_code");
        }
        MerchantStore fresh = issue(old.getMerchantId(), old.getAppId(), old.getName());
        stores.update(null, Wrappers.<MerchantStore>lambdaUpdate().set(MerchantStore::getState, StoreState.DISABLED)
                .set(MerchantStore::getReplacedBy, fresh.getStoreCode()).eq(MerchantStore::getStoreCode, storeCode));
        audit.info("event=STORE_REISSUED merchant_id={} store_code={} replaced_by={} by={}", user.merchantId(),
                storeCode, fresh.getStoreCode(), user.userId());
        return view(fresh.getStoreCode());
    }

    public String qrUrl(MerchantStore store) {
        return links.qrUrl(store.getStoreCode());
    }

    static ApiException unknown() {
        return new ApiException(ErrorCode.STORE_UNKNOWN, "No store with this store_code.", "store_code");
    }

    private MerchantStore ownLocked(PortalUser user, String storeCode) {
        own(user, storeCode);
        return stores.lock(storeCode);
    }

    private MerchantStore issue(String merchantId, String appId, String name) {
        for (int attempt = 1; ; attempt++) {
            MerchantStore store = new MerchantStore();
            store.setStoreCode(StoreCodes.next());
            store.setMerchantId(merchantId);
            store.setAppId(appId);
            store.setName(name);
            store.setState(StoreState.ACTIVE);
            try {
                stores.insert(store);
                return store;
            } catch (DuplicateKeyException e) {
                if (attempt == ISSUE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Locks the merchant row, as app creation does, so an approval change cannot slip in between. */
    private void approvedMerchant(PortalUser user, String detail) {
        Merchant merchant = merchants.lock(user.merchantId());
        if (merchant == null || merchant.getState() != MerchantState.APPROVED) {
            throw new ApiException(ErrorCode.MERCHANT_NOT_ACTIVE, detail);
        }
    }

    /** The named app of this merchant, or its first active app when none is named (API.md). */
    private MerchantApp appFor(PortalUser user, String appId) {
        if (appId == null || appId.isBlank()) {
            MerchantApp first = apps.selectList(Wrappers.<MerchantApp>lambdaQuery()
                    .eq(MerchantApp::getMerchantId, user.merchantId()).eq(MerchantApp::getState, AppState.ACTIVE)
                    .orderByAsc(MerchantApp::getCreatedAt).orderByAsc(MerchantApp::getAppId).last("LIMIT 1"))
                    .stream().findFirst().orElse(null);
            if (first == null) {
                throw new ApiException(ErrorCode.INVALID_REQUEST,
                        "The merchant has no active app yet: create one first, its orders are the store's.", "app_id");
            }
            return first;
        }
        MerchantApp app = apps.selectById(appId.strip());
        if (app == null || !app.getMerchantId().equals(user.merchantId())) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "app_id is not one of this merchant's apps.", "app_id");
        }
        if (app.getState() != AppState.ACTIVE) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "app_id names a disabled app.", "app_id");
        }
        return app;
    }

    private StoreView view(String storeCode) {
        return StoreView.of(stores.selectById(storeCode), links);
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH
                || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "name must be 1 to " + MAX_NAME_LENGTH + " characters, without control characters.", "name");
        }
        return trimmed;
    }
}
