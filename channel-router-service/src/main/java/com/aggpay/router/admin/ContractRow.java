package com.aggpay.router.admin;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code merchant_contract} row, in select order; {@code dailyCap} null = no merchant-specific cap. */
record ContractRow(String mchNo, String channel, boolean enabled, String subMchId, Long dailyCap,
                   LocalDateTime createdAt, LocalDateTime updatedAt) {

    Map<String, Object> asMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enabled", enabled);
        fields.put("sub_mch_id", subMchId);
        fields.put("daily_cap", dailyCap);
        return fields;
    }
}
