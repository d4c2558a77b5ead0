package com.aggpay.order.payment;

import com.aggpay.contracts.trade.PaymentReport;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Called by channel-router-service after a channel callback verified (docs/internals.md). Not routed publicly. */
@RestController
public class InternalTradeController {

    private final ApplyChannelPayment applyChannelPayment;

    public InternalTradeController(ApplyChannelPayment applyChannelPayment) {
        this.applyChannelPayment = applyChannelPayment;
    }

    @PostMapping("/internal/trades/{outTradeNo}/payment")
    public Map<String, String> payment(@PathVariable String outTradeNo, @RequestBody PaymentReport report) {
        ApplyResult result = applyChannelPayment.apply(outTradeNo, report);
        if (result instanceof ApplyResult.Applied) {
            return Map.of("result", "APPLIED");
        }
        if (result instanceof ApplyResult.AlreadyApplied) {
            return Map.of("result", "ALREADY_APPLIED");
        }
        if (result instanceof ApplyResult.Mismatch m) {
            throw new ApiException(ErrorCode.NOTIFY_MISMATCH, m.field(), m.detail());
        }
        throw new ApiException(ErrorCode.TRADE_UNKNOWN, "out_trade_no", "No trade " + outTradeNo + ".");
    }
}
