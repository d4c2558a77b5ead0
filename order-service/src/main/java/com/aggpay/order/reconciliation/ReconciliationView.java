package com.aggpay.order.reconciliation;

import java.util.List;

/**
 * API.md's report: {@code channel, date, matched_count, matched_amount, discrepancies[]}. Discrepancies carry
 * API.md's {@code type, out_trade_no, platform_amount, channel_amount} and, beyond it, what an operator needs to act.
 */
public record ReconciliationView(String channel, String date, int matchedCount, long matchedAmount, int billLines,
                                 String createdAt, List<Line> discrepancies) {

    public record Line(String type, String kind, String outTradeNo, String outRefundNo, String payOrderId,
                       Long platformAmount, Long channelAmount, String platformState, String channelStatus,
                       String note) {
    }
}
