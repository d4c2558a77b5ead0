package com.aggpay.order.portal;

import com.aggpay.order.database.ReplicaReads;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrderView;
import com.aggpay.order.payorder.PayOrderViews;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.refund.Refund;
import com.aggpay.order.refund.RefundViews;
import com.aggpay.order.refund.Refunds;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Keyset listings of one merchant's orders and refunds, newest first. Each page is one range scan of an index that
 * starts with {@code (mch_no, created_at)} (V7): the cursor's {@code created_at <= t AND (created_at < t OR id < i)}
 * seeks into it, so page 1000 costs what page 1 does. Both read from the replica ({@link ReplicaReads}): a list may
 * lag the primary by the replica's delay; an order's own page ({@code PortalOrderController#get}) does not.
 */
@Component
class PortalSearch {

    private final PayOrders orders;
    private final Refunds refunds;
    private final PayOrderViews orderViews;
    private final RefundViews refundViews;

    PortalSearch(PayOrders orders, Refunds refunds, PayOrderViews orderViews, RefundViews refundViews) {
        this.orders = orders;
        this.refunds = refunds;
        this.orderViews = orderViews;
        this.refundViews = refundViews;
    }

    PortalPage<PayOrderView> orders(OrderFilter f, Cursor after, int limit) {
        LambdaQueryWrapper<PayOrder> q = Wrappers.<PayOrder>lambdaQuery()
                .eq(PayOrder::getMchNo, f.mchNo())
                .eq(f.state() != null, PayOrder::getState, f.state())
                .eq(f.payWay() != null, PayOrder::getPayWay, f.payWay())
                .eq(f.channel() != null, PayOrder::getChannel, f.channel())
                .eq(f.appId() != null, PayOrder::getAppId, f.appId())
                .eq(f.mchOrderNo() != null, PayOrder::getMchOrderNo, f.mchOrderNo())
                .ge(f.minAmount() != null, PayOrder::getAmount, f.minAmount())
                .le(f.maxAmount() != null, PayOrder::getAmount, f.maxAmount())
                .ge(f.from() != null, PayOrder::getCreatedAt, f.from())
                .lt(f.to() != null, PayOrder::getCreatedAt, f.to());
        if (after != null) {
            q.le(PayOrder::getCreatedAt, after.createdAt())
                    .and(w -> w.lt(PayOrder::getCreatedAt, after.createdAt()).or()
                            .lt(PayOrder::getPayOrderId, after.id()));
        }
        q.orderByDesc(PayOrder::getCreatedAt).orderByDesc(PayOrder::getPayOrderId).last("LIMIT " + (limit + 1));
        return page(ReplicaReads.call(() -> orders.selectList(q)), limit,
                o -> new Cursor(o.getCreatedAt(), o.getPayOrderId()), orderViews::view);
    }

    PortalPage<PortalRefundView> refunds(RefundFilter f, Cursor after, int limit) {
        LambdaQueryWrapper<Refund> q = Wrappers.<Refund>lambdaQuery()
                .eq(Refund::getMchNo, f.mchNo())
                .eq(f.state() != null, Refund::getState, f.state())
                .eq(f.appId() != null, Refund::getAppId, f.appId())
                .eq(f.payOrderId() != null, Refund::getPayOrderId, f.payOrderId())
                .eq(f.mchRefundNo() != null, Refund::getMchRefundNo, f.mchRefundNo())
                .ge(f.from() != null, Refund::getCreatedAt, f.from())
                .lt(f.to() != null, Refund::getCreatedAt, f.to());
        if (after != null) {
            q.le(Refund::getCreatedAt, after.createdAt())
                    .and(w -> w.lt(Refund::getCreatedAt, after.createdAt()).or()
                            .lt(Refund::getRefundId, after.id()));
        }
        q.orderByDesc(Refund::getCreatedAt).orderByDesc(Refund::getRefundId).last("LIMIT " + (limit + 1));
        return page(ReplicaReads.call(() -> refunds.selectList(q)), limit,
                r -> new Cursor(r.getCreatedAt(), r.getRefundId()), r -> PortalRefundView.of(r, refundViews.view(r)));
    }

    /** One row more than the page was asked for: it says whether there is a next page without a COUNT. */
    private static <R, V> PortalPage<V> page(List<R> rows, int limit, Function<R, Cursor> position,
                                             Function<R, V> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new PortalPage<>(shown.stream().map(view).toList(), next);
    }
}
