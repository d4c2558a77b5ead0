package com.aggpay.router.callback;

import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** order-service's internal API (docs/internals.md). */
@FeignClient(name = "order-service", path = "/internal")
public interface OrderServiceClient {

    @PostMapping("/trades/{outTradeNo}/payment")
    Map<String, String> reportPayment(@PathVariable("outTradeNo") String outTradeNo,
                                      @RequestBody PaymentReport report);

    /** A payment a channel reported, after its signature and account verified. Amount in minor units. */
    record PaymentReport(String channel, String channelTradeNo, String accountId, long amount, String currency,
                         String paidAt) {
    }
}
