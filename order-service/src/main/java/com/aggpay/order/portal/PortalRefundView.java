package com.aggpay.order.portal;

import com.aggpay.order.refund.Refund;
import com.aggpay.order.refund.RefundView;

/** The refund object of API.md plus what the portal shows beside it: the app and the reason. */
public record PortalRefundView(String refundId, String payOrderId, String appId, String mchRefundNo, long amount,
                               String state, String reason, String createdAt, String succeededAt) {

    static PortalRefundView of(Refund row, RefundView view) {
        return new PortalRefundView(view.refundId(), view.payOrderId(), row.getAppId(), view.mchRefundNo(),
                view.amount(), view.state(), row.getReason(), view.createdAt(), view.succeededAt());
    }
}
