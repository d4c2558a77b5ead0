package com.aggpay.order.portal;

import com.aggpay.order.payorder.domain.OrderState;
import java.time.LocalDateTime;

/** What the portal's order list is narrowed to; every field but {@code mchNo} is optional. Times are UTC. */
record OrderFilter(String mchNo, OrderState state, String payWay, String channel, String appId, Long minAmount,
                   Long maxAmount, LocalDateTime from, LocalDateTime to, String mchOrderNo) {
}
