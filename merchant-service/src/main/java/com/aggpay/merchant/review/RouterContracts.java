package com.aggpay.merchant.review;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** channel-router-service's internal call that gives an approved merchant its default contracts (idempotent). */
@FeignClient(name = "channel-router-service", contextId = "routerContracts")
public interface RouterContracts {

    record DefaultsRequest(String businessCategory, String operator) {
    }

    @PostMapping("/internal/contracts/{mch_no}/defaults")
    void ensureDefaults(@PathVariable("mch_no") String mchNo, @RequestBody DefaultsRequest request);
}
