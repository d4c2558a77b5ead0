package com.aggpay.gateway.cashier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** merchant-service's {@code GET /internal/stores/{store_code}} answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoreInfo(@JsonProperty("store_code") String storeCode, @JsonProperty("name") String name,
                 @JsonProperty("state") String state, @JsonProperty("mch_no") String mchNo,
                 @JsonProperty("company_name") String companyName,
                 @JsonProperty("merchant_state") String merchantState, @JsonProperty("app_id") String appId) {

    /** Takes payments: an active code of an approved merchant, bound to an app. */
    boolean accepting() {
        return "ACTIVE".equals(state) && "APPROVED".equals(merchantState) && mchNo != null && appId != null;
    }
}
