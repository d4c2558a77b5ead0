package com.aggpay.router.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/trades?pay_order_id=…}: every trade attempt of one order, for support and incident work. */
@RestController
class TradeAdminController {

    private static final Pattern PAY_ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    record OrderAttempts(String payOrderId, List<Attempt> attempts) {
    }

    record Attempt(int seq, String channel, String outTradeNo, String outcome, String channelCode, long latencyMs,
                   int tries, String closeState, OffsetDateTime createdAt) {

        static Attempt of(TradeAttemptRow row) {
            return new Attempt(row.seq(), row.channel(), row.outTradeNo(), row.outcome(), row.channelCode(),
                    row.latencyMs(), row.tries(), row.closeState(), ChannelConfig.utc(row.createdAt()));
        }
    }

    private final AdminTradeRows trades;

    TradeAdminController(AdminTradeRows trades) {
        this.trades = trades;
    }

    /** An order the router never saw has no attempts: an empty list, as for any filter that matches nothing. */
    @GetMapping("/api/admin/trades")
    OrderAttempts attempts(@RequestParam(name = "pay_order_id", required = false) String payOrderId) {
        if (payOrderId == null || !PAY_ORDER_ID.matcher(payOrderId).matches()) {
            throw JsonFields.invalid("pay_order_id", "is required: 1-32 of [A-Za-z0-9_-]");
        }
        return new OrderAttempts(payOrderId, trades.ofOrder(payOrderId).stream().map(Attempt::of).toList());
    }
}
