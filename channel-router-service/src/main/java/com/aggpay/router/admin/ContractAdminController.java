package com.aggpay.router.admin;

import com.aggpay.contracts.http.AggpayHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class ContractAdminController {

    private final ConfigureContracts contracts;

    ContractAdminController(ConfigureContracts contracts) {
        this.contracts = contracts;
    }

    @GetMapping("/api/admin/contracts/{mch_no}")
    MerchantContracts contracts(@PathVariable("mch_no") String mchNo) {
        return contracts.of(mchNo);
    }

    @PutMapping("/api/admin/contracts/{mch_no}/{channel}")
    MerchantContracts.Contract put(@PathVariable("mch_no") String mchNo, @PathVariable("channel") String channel,
                                   @RequestBody JsonNode body, @RequestHeader(AggpayHeaders.OPERATOR) String operator) {
        return contracts.put(mchNo, channel, body, operator);
    }
}
