package com.aggpay.router.admin;

import java.time.LocalDateTime;

/**
 * A {@code trade_attempt} row as operators see it, in select order. Never its pay data: only the payer is meant to
 * get that. {@code closeState}: null, or an orphan's close progress (PENDING, CLOSED, PAID).
 */
record TradeAttemptRow(int seq, String channel, String outTradeNo, String outcome, String channelCode, long latencyMs,
                       int tries, String closeState, LocalDateTime createdAt) {
}
