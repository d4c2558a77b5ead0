package com.aggpay.order.refund;

import com.aggpay.contracts.trade.RefundReport;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Called by channel-router-service after a refund notification verified. Not routed publicly. */
@RestController
public class InternalRefundController {

    private final ApplyRefundReport applyRefundReport;

    public InternalRefundController(ApplyRefundReport applyRefundReport) {
        this.applyRefundReport = applyRefundReport;
    }

    @PostMapping("/internal/refunds/{outRefundNo}/result")
    public Map<String, String> result(@PathVariable String outRefundNo, @RequestBody RefundReport report) {
        ApplyRefundReport.Result result = applyRefundReport.apply(outRefundNo, report);
        if (result instanceof ApplyRefundReport.Result.Applied) {
            return Map.of("result", "APPLIED");
        }
        if (result instanceof ApplyRefundReport.Result.AlreadyApplied) {
            return Map.of("result", "ALREADY_APPLIED");
        }
        if (result instanceof ApplyRefundReport.Result.Mismatch m) {
            throw new ApiException(ErrorCode.NOTIFY_MISMATCH, m.field(), m.detail());
        }
        throw new ApiException(ErrorCode.REFUND_NOT_FOUND, "out_refund_no", "No refund " + outRefundNo + ".");
    }
}
