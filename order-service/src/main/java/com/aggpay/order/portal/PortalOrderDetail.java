package com.aggpay.order.portal;

import com.aggpay.order.payorder.PayOrderView;
import java.util.List;

/** One order as the portal shows it: the order object, every trade routing tried for it, and its refunds. */
public record PortalOrderDetail(PayOrderView order, List<Attempt> attempts, List<PortalRefundView> refunds) {

    /**
     * One trade the router opened or tried to open, in routing order.
     *
     * @param outcome     the router's outcome class of the try (e.g. ACCEPTED, REJECTED, UNKNOWN)
     * @param channelCode the channel's own answer code, when it gave one
     */
    public record Attempt(int seq, String channel, String outTradeNo, String outcome, String channelCode,
                          long latencyMs, String createdAt) {
    }
}
