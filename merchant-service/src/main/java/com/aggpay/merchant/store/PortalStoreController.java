package com.aggpay.merchant.store;

import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's stores and their static codes in the portal (API.md "Portal and operator API"). Any user of the
 * merchant sees them and downloads the images; developers and owners create, disable and re-issue.
 */
@RestController
class PortalStoreController {

    record NewStore(String name, String appId) {
    }

    private final PortalStores stores;
    private final StorePoster poster;
    private final Merchants merchants;

    PortalStoreController(PortalStores stores, StorePoster poster, Merchants merchants) {
        this.stores = stores;
        this.poster = poster;
        this.merchants = merchants;
    }

    @PostMapping("/api/portal/stores")
    ResponseEntity<StoreView> create(@RequestBody(required = false) NewStore body, HttpServletRequest http) {
        PortalUser user = PortalUser.of(http);
        NewStore store = body == null ? new NewStore(null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(stores.create(user, store.name(), store.appId()));
    }

    @GetMapping("/api/portal/stores")
    Map<String, List<StoreView>> list(HttpServletRequest http) {
        return Map.of("items", stores.list(PortalUser.of(http)));
    }

    @GetMapping("/api/portal/stores/{store_code}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable("store_code") String storeCode, HttpServletRequest http) {
        MerchantStore store = printable(PortalUser.of(http), storeCode);
        return image(store, QrCodes.png(stores.qrUrl(store)), store.getStoreCode() + ".png");
    }

    @GetMapping("/api/portal/stores/{store_code}/poster")
    ResponseEntity<byte[]> poster(@PathVariable("store_code") String storeCode, HttpServletRequest http) {
        MerchantStore store = printable(PortalUser.of(http), storeCode);
        Merchant merchant = merchants.findById(store.getMerchantId())
                .orElseThrow(() -> new IllegalStateException("store " + storeCode + " has no merchant row"));
        byte[] png = poster.png(new StorePoster.Content(merchant.getCompanyName(), store.getName(),
                store.getStoreCode(), stores.qrUrl(store)));
        return image(store, png, store.getStoreCode() + "-poster.png");
    }

    @PostMapping("/api/portal/stores/{store_code}/disable")
    StoreView disable(@PathVariable("store_code") String storeCode, HttpServletRequest http) {
        return stores.disable(PortalUser.of(http), storeCode);
    }

    @PostMapping("/api/portal/stores/{store_code}/reissue")
    ResponseEntity<StoreView> reissue(@PathVariable("store_code") String storeCode, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stores.reissue(PortalUser.of(http), storeCode));
    }

    /** A disabled code is not handed out for printing: a payer scanning it could never pay. */
    private MerchantStore printable(PortalUser user, String storeCode) {
        MerchantStore store = stores.own(user, storeCode);
        if (store.getState() != StoreState.ACTIVE) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, store.getReplacedBy() == null
                    ? "This code is disabled; re-issue it to print a new one."
                    : "This code is disabled; print its successor " + store.getReplacedBy() + ".", "store_code");
        }
        return store;
    }

    private static ResponseEntity<byte[]> image(MerchantStore store, byte[] png, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(png);
    }
}
