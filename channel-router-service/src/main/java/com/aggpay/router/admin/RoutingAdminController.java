package com.aggpay.router.admin;

import com.aggpay.contracts.http.AggpayHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/admin/routing/{mch_no}}, where {@code default} names the platform default. */
@RestController
class RoutingAdminController {

    private final ConfigureRouting routing;

    RoutingAdminController(ConfigureRouting routing) {
        this.routing = routing;
    }

    @GetMapping("/api/admin/routing/{mch_no}")
    RoutingPolicyView policy(@PathVariable("mch_no") String mchNo) {
        return routing.of(mchNo);
    }

    @PutMapping("/api/admin/routing/{mch_no}")
    RoutingPolicyView put(@PathVariable("mch_no") String mchNo, @RequestBody JsonNode body,
                          @RequestHeader(AggpayHeaders.OPERATOR) String operator) {
        return routing.put(mchNo, body, operator);
    }

    @DeleteMapping("/api/admin/routing/{mch_no}")
    ResponseEntity<Void> remove(@PathVariable("mch_no") String mchNo,
                                @RequestHeader(AggpayHeaders.OPERATOR) String operator) {
        routing.remove(mchNo, operator);
        return ResponseEntity.noContent().build();
    }
}
