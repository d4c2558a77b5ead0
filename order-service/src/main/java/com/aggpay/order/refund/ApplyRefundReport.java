package com.aggpay.order.refund;

import com.aggpay.contracts.trade.RefundReport;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A refund result a channel notified (verified by the router): checked against the stored refund, then settled. */
@Service
public class ApplyRefundReport {

    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final Logger alerts = LoggerFactory.getLogger("aggpay.alert");

    public sealed interface Result {
        record Applied() implements Result { }
        record AlreadyApplied() implements Result { }
        record Unknown() implements Result { }
        record Mismatch(String field, String detail) implements Result { }
    }

    private final Refunds refunds;
    private final PayOrders orders;
    private final SettleRefund settle;

    public ApplyRefundReport(Refunds refunds, PayOrders orders, SettleRefund settle) {
        this.refunds = refunds;
        this.orders = orders;
        this.settle = settle;
    }

    public Result apply(String outRefundNo, RefundReport report) {
        Refund refund = refunds.findByOutRefundNo(outRefundNo);
        if (refund == null) {
            security.warn("event=REFUND_REPORT_FOR_UNKNOWN_REFUND channel={} out_refund_no={}", report.channel(),
                    outRefundNo);
            return new Result.Unknown();
        }
        Result.Mismatch mismatch = mismatch(refund, report);
        if (mismatch != null) {
            security.warn("event=REFUND_REPORT_MISMATCH channel={} out_refund_no={} refund_id={} field={} detail=\"{}\"",
                    report.channel(), outRefundNo, refund.getRefundId(), mismatch.field(), mismatch.detail());
            return mismatch;
        }
        boolean applied = report.succeeded()
                ? settle.succeeded(refund, report.channelRefundNo(), at(report.at()))
                : settle.failed(refund, "CHANNEL_REPORTED_FAILURE");
        if (applied) {
            return new Result.Applied();
        }
        Refund.State state = refunds.selectById(refund.getRefundId()).getState();
        if ((state == Refund.State.SUCCESS) != report.succeeded()) {
            // the channel contradicts a final state: nothing is changed silently, a human looks at it
            alerts.error("event=REFUND_REPORT_CONTRADICTS_STATE refund_id={} state={} reported_succeeded={}",
                    refund.getRefundId(), state, report.succeeded());
        }
        return new Result.AlreadyApplied();
    }

    private Result.Mismatch mismatch(Refund refund, RefundReport report) {
        if (!refund.getChannel().equals(report.channel())) {
            return new Result.Mismatch("channel", "refund went to " + refund.getChannel());
        }
        if (report.succeeded() && report.amount() != refund.getAmount()) {
            return new Result.Mismatch("amount", "refund " + refund.getAmount() + ", reported " + report.amount());
        }
        if (report.outTradeNo() != null) {
            PayOrder order = orders.selectById(refund.getPayOrderId());
            if (!report.outTradeNo().equals(order.getOutTradeNo())) {
                return new Result.Mismatch("out_trade_no", "refund is of trade " + order.getOutTradeNo());
            }
        }
        return null;
    }

    private static LocalDateTime at(String at) {
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
