package com.aggpay.merchant.portal.reads;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** order-service's portal endpoints ({@code /internal/portal/**}, allowed for merchant-service only). */
@FeignClient(name = "order-service", contextId = "portalOrdersClient", path = "/internal/portal")
interface PortalOrdersClient {

    /** @param query mch_no and the checked filters; absent ones are left out */
    @GetMapping("/orders")
    PortalPage orders(@RequestParam Map<String, String> query);

    @GetMapping("/orders/{pay_order_id}")
    JsonNode order(@PathVariable("pay_order_id") String payOrderId, @RequestParam("mch_no") String mchNo);

    @GetMapping("/refunds")
    PortalPage refunds(@RequestParam Map<String, String> query);

    /** 201 a new refund, 200 the same request again. */
    @PostMapping("/refunds")
    ResponseEntity<JsonNode> refund(@RequestParam("mch_no") String mchNo, @RequestBody Map<String, Object> body);

    @GetMapping("/dashboard")
    JsonNode dashboard(@RequestParam Map<String, String> query);

    @GetMapping(value = "/statements/{date}", produces = "text/csv")
    String statement(@PathVariable("date") String date, @RequestParam("mch_no") String mchNo);
}
