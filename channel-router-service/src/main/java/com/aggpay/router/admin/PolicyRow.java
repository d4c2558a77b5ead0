package com.aggpay.router.admin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code routing_policy} row, in select order; mch_no {@code '*'} is the platform default. */
record PolicyRow(String mchNo, String strategy, int minSample, BigDecimal explorationShare, LocalDateTime updatedAt) {

    Map<String, Object> asMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("strategy", strategy);
        fields.put("min_sample", minSample);
        fields.put("exploration_share", explorationShare.stripTrailingZeros().toPlainString());
        return fields;
    }
}
