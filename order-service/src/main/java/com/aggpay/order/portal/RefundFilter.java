package com.aggpay.order.portal;

import com.aggpay.order.refund.Refund;
import java.time.LocalDateTime;

/** What the portal's refund list is narrowed to; every field but {@code mchNo} is optional. Times are UTC. */
record RefundFilter(String mchNo, Refund.State state, String appId, String payOrderId, String mchRefundNo,
                    LocalDateTime from, LocalDateTime to) {
}
