package com.aggpay.router.callback;

import com.aggpay.contracts.trade.PaymentReport;
import com.aggpay.contracts.trade.RefundReport;
import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** order-service's internal API (docs/internals.md). */
@FeignClient(name = "order-service", path = "/internal")
public interface OrderServiceClient {

    @PostMapping("/refunds/{outRefundNo}/result")
    Map<String, String> reportRefund(@PathVariable("outRefundNo") String outRefundNo,
                                     @RequestBody RefundReport report);

    @PostMapping("/trades/{outTradeNo}/payment")
    Map<String, String> reportPayment(@PathVariable("outTradeNo") String outTradeNo,
                                      @RequestBody PaymentReport report);
}
