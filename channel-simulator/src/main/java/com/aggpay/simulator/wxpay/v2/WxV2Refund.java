package com.aggpay.simulator.wxpay.v2;

import java.time.OffsetDateTime;

/** One v2 refund as WeChat keeps it; the simulator settles refunds at once, so every stored one succeeded. */
record WxV2Refund(String mchId, String outTradeNo, String transactionId, String outRefundNo, String refundId,
                  long refundFee, long totalFee, String status, OffsetDateTime successTime) {
}
