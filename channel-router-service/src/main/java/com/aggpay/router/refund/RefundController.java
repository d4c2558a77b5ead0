package com.aggpay.router.refund;

import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal: order-service refunds a paid trade, or asks how a refund stands (docs/internals.md). */
@RestController
public class RefundController {

    private final RefundOnChannel refunds;

    public RefundController(RefundOnChannel refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/internal/refunds")
    public RefundAnswer refund(@RequestBody RefundCall call) {
        requireNumbers(call);
        if (call.refundAmount() <= 0 || call.totalAmount() < call.refundAmount()) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "refund_amount",
                    "refund_amount must be positive and at most total_amount.");
        }
        return refunds.refund(call);
    }

    @PostMapping("/internal/refunds/query")
    public RefundAnswer query(@RequestBody RefundCall call) {
        requireNumbers(call);
        return refunds.query(call);
    }

    private static void requireNumbers(RefundCall call) {
        if (call.channel() == null || call.outTradeNo() == null || call.outRefundNo() == null) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "channel, out_trade_no and out_refund_no are required.");
        }
    }
}
