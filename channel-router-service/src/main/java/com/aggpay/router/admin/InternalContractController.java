package com.aggpay.router.admin;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/contracts/{mch_no}/defaults} {@code {"business_category","operator"}}: merchant-service's call
 * when an operator approves a merchant (only merchant-service may call it: application.yml). The operator named is
 * the one merchant-service authenticated through the gateway; it goes into this service's audit trail.
 */
@RestController
class InternalContractController {

    record DefaultsRequest(String businessCategory, String operator) {
    }

    private final DefaultContracts defaults;

    InternalContractController(DefaultContracts defaults) {
        this.defaults = defaults;
    }

    @PostMapping("/internal/contracts/{mch_no}/defaults")
    MerchantContracts defaults(@PathVariable("mch_no") String mchNo, @RequestBody DefaultsRequest body) {
        if (body == null) {
            throw JsonFields.invalid("business_category", "is required");
        }
        return defaults.ensure(mchNo, body.businessCategory(), body.operator());
    }
}
