package com.aggpay.contracts.trade;

import java.util.List;

/**
 * channel-router-service's {@code GET /internal/bills/{channel}/{date}}: the channel's bill of one day (its own
 * calendar day, Asia/Shanghai), parsed from the channel's format into lines order-service reconciles against.
 *
 * @param day {@code YYYY-MM-DD}
 */
public record BillAnswer(String channel, String day, List<Line> lines) {

    /**
     * @param kind   {@code PAYMENT | REFUND}
     * @param amount minor units, always positive; the kind says which way the money went
     * @param fee    the channel's own fee when its bill states it, else 0 (informational only)
     * @param status the channel's own status word (e.g. {@code TRADE_SUCCESS}, {@code REVOKED}), never mapped
     * @param time   RFC 3339 with offset
     */
    public record Line(String kind, String outTradeNo, String channelTradeNo, String outRefundNo, long amount,
                       long fee, String status, String time) {
    }
}
