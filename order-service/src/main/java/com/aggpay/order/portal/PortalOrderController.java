package com.aggpay.order.portal;

import com.aggpay.order.OrderProperties;
import com.aggpay.order.payorder.PayAttempt;
import com.aggpay.order.payorder.PayAttempts;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrderView;
import com.aggpay.order.payorder.PayOrderViews;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.refund.Refund;
import com.aggpay.order.refund.RefundViews;
import com.aggpay.order.refund.Refunds;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant portal's order reads, for merchant-service only ({@code aggpay.service-auth.allow}): merchant-service
 * authenticated the portal user and names the merchant; every read here is confined to that {@code mch_no}.
 */
@RestController
@RequestMapping("/internal/portal/orders")
class PortalOrderController {

    private final PortalSearch search;
    private final PayOrders orders;
    private final PayAttempts attempts;
    private final Refunds refunds;
    private final PayOrderViews orderViews;
    private final RefundViews refundViews;
    private final OrderProperties properties;

    PortalOrderController(PortalSearch search, PayOrders orders, PayAttempts attempts, Refunds refunds,
                          PayOrderViews orderViews, RefundViews refundViews, OrderProperties properties) {
        this.search = search;
        this.orders = orders;
        this.attempts = attempts;
        this.refunds = refunds;
        this.orderViews = orderViews;
        this.refundViews = refundViews;
        this.properties = properties;
    }

    @GetMapping
    PortalPage<PayOrderView> list(@RequestParam(name = "mch_no", required = false) String mchNo,
                                  @RequestParam(name = "state", required = false) String state,
                                  @RequestParam(name = "pay_way", required = false) String payWay,
                                  @RequestParam(name = "channel", required = false) String channel,
                                  @RequestParam(name = "app_id", required = false) String appId,
                                  @RequestParam(name = "min_amount", required = false) Long minAmount,
                                  @RequestParam(name = "max_amount", required = false) Long maxAmount,
                                  @RequestParam(name = "from", required = false) String from,
                                  @RequestParam(name = "to", required = false) String to,
                                  @RequestParam(name = "mch_order_no", required = false) String mchOrderNo,
                                  @RequestParam(name = "cursor", required = false) String cursor,
                                  @RequestParam(name = "limit", required = false) Integer limit) {
        OrderFilter filter = new OrderFilter(PortalParams.mchNo(mchNo), PortalParams.orderState(state),
                PortalParams.payWay(payWay), PortalParams.channel(channel), PortalParams.appId(appId),
                PortalParams.amount("min_amount", minAmount), PortalParams.amount("max_amount", maxAmount),
                PortalParams.from(from), PortalParams.to(to), PortalParams.number("mch_order_no", mchOrderNo));
        PortalParams.ordered("max_amount", filter.minAmount(), filter.maxAmount());
        PortalParams.ordered("to", filter.from(), filter.to());
        return search.orders(filter, Cursor.decode(cursor), PortalParams.limit(limit));
    }

    @GetMapping("/{pay_order_id}")
    PortalOrderDetail get(@PathVariable("pay_order_id") String payOrderId,
                          @RequestParam(name = "mch_no", required = false) String mchNo) {
        PayOrder order = ownOrder(orders, PortalParams.mchNo(mchNo), payOrderId);
        List<PortalOrderDetail.Attempt> tried = attempts.findByOrder(payOrderId).stream().map(this::attempt).toList();
        List<PortalRefundView> refunded = refunds.selectList(Wrappers.<Refund>lambdaQuery()
                        .eq(Refund::getPayOrderId, payOrderId).orderByAsc(Refund::getCreatedAt))
                .stream().map(r -> PortalRefundView.of(r, refundViews.view(r))).toList();
        return new PortalOrderDetail(orderViews.view(order), tried, refunded);
    }

    /** The order if it is this merchant's; 404 alike for an unknown id and another merchant's order. */
    static PayOrder ownOrder(PayOrders orders, String mchNo, String payOrderId) {
        PayOrder order = payOrderId == null || payOrderId.length() > 32 ? null : orders.selectById(payOrderId);
        if (order == null || !order.getMchNo().equals(mchNo)) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND, "pay_order_id", "No order with this id for this merchant.");
        }
        return order;
    }

    private PortalOrderDetail.Attempt attempt(PayAttempt a) {
        return new PortalOrderDetail.Attempt(a.getSeq(), a.getChannel(), a.getOutTradeNo(), a.getOutcome(),
                a.getChannelCode(), a.getLatencyMs(), time(a.getCreatedAt()));
    }

    private String time(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(properties.order().displayZone())
                .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
