package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.RefundOutcome;
import com.alipay.api.AlipayResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import java.time.OffsetDateTime;
import java.util.Date;

/** Pure functions from Alipay's refund answers to our {@link RefundOutcome}: statuses and error classes. */
final class AliRefunds {

    private AliRefunds() {
    }

    /**
     * The one place an Alipay refund_status becomes ours. REFUND_SUCCESS is the only success; no status and no
     * refund_amount means Alipay knows no such refund (yet): Unknown, as sending it again with the same
     * out_request_no is safe and failing it is not.
     */
    static RefundOutcome queried(AlipayTradeFastpayRefundQueryResponse r) {
        String status = r.getRefundStatus() == null ? "" : r.getRefundStatus();
        return switch (status) {
            case "REFUND_SUCCESS" -> {
                Long amount = AliMapper.fen(r.getRefundAmount());
                yield amount == null ? new RefundOutcome.Unknown("MALFORMED_RESPONSE", "refund_amount missing")
                        : new RefundOutcome.Succeeded(r.getTradeNo(), amount, time(r.getGmtRefundPay()));
            }
            case "" -> r.getRefundAmount() == null
                    ? new RefundOutcome.Unknown("REFUND_NOT_FOUND", "Alipay knows no such refund (yet)")
                    : new RefundOutcome.Unknown("REFUND_STATUS_MISSING", "refund listed without a status");
            default -> new RefundOutcome.Unknown(status, "refund_status not known to this adapter");
        };
    }

    /**
     * CHANNELS.md classes for a non-10000 refund answer: 40001/40002/40006 and 40004 business failures (e.g.
     * ACQ.REFUND_AMT_NOT_EQUAL_TOTAL, ACQ.TRADE_STATUS_ERROR) refunded nothing; 20000, ACQ.SYSTEM_ERROR and
     * anything unexpected may have: Unknown.
     */
    static RefundOutcome classifyFailure(AlipayResponse response) {
        String code = response.getCode() == null ? "" : response.getCode();
        String subCode = response.getSubCode() == null ? "" : response.getSubCode();
        String label = subCode.isEmpty() ? code : code + "/" + subCode;
        String message = response.getSubMsg() != null ? response.getSubMsg() : response.getMsg();
        return switch (code) {
            case "40001", "40002", "40006" -> new RefundOutcome.Failed(label, message);
            case "40004" -> switch (subCode) {
                case "ACQ.SYSTEM_ERROR" -> new RefundOutcome.Unknown(label, message);
                default -> new RefundOutcome.Failed(label, message);
            };
            default -> new RefundOutcome.Unknown(label, message);
        };
    }

    static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(AliMapper.CHINA).toOffsetDateTime();
    }
}
