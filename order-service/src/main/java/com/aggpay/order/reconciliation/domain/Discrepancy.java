package com.aggpay.order.reconciliation.domain;

/**
 * One difference between the bill and the platform. Amounts are null on the side that has no record.
 *
 * @param note why, in words an operator reads (e.g. "orphan trade of po_…")
 */
public record Discrepancy(DiscrepancyType type, Kind kind, String outTradeNo, String outRefundNo, String payOrderId,
                          Long platformAmount, Long channelAmount, String platformState, String channelStatus,
                          String note) {
}
