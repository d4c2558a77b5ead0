package com.aggpay.order.refund;

import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** channel-router-service's refund API (docs/internals.md); its own contextId beside the trade client. */
@FeignClient(name = "channel-router-service", contextId = "refundRouterClient", path = "/internal/refunds")
public interface RefundRouterClient {

    @PostMapping
    RefundAnswer refund(@RequestBody RefundCall call);

    @PostMapping("/query")
    RefundAnswer query(@RequestBody RefundCall call);
}
