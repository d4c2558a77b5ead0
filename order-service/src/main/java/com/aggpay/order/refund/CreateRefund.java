package com.aggpay.order.refund;

import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.refund.domain.CreateRefundRequest;
import com.aggpay.order.sharding.MerchantSlots;
import com.aggpay.order.refund.domain.RefundRules;
import com.aggpay.order.payorder.domain.Violation;
import com.aggpay.order.web.Caller;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A merchant's refund: reserve the amount on the order and store the refund PROCESSING in one transaction, then
 * ask the channel that took the payment (outside it), then record what the channel said. Whatever is not known
 * at the end stays PROCESSING, its amount still reserved, for {@link RefundQueries} to find out.
 */
@Service
public class CreateRefund {

    private static final Logger log = LoggerFactory.getLogger(CreateRefund.class);

    private final PayOrders orders;
    private final Refunds refunds;
    private final RefundableAmounts amounts;
    private final RefundRouterClient router;
    private final SettleRefund settle;
    private final RefundViews views;
    private final RefundProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CreateRefund(PayOrders orders, Refunds refunds, RefundableAmounts amounts, RefundRouterClient router,
                        SettleRefund settle, RefundViews views, RefundProperties properties, TransactionTemplate tx,
                        Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.amounts = amounts;
        this.router = router;
        this.settle = settle;
        this.views = views;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public CreateRefundResult create(Caller caller, CreateRefundRequest request) {
        Optional<Violation> violation = RefundRules.check(request);
        if (violation.isPresent()) {
            return new CreateRefundResult.Invalid(violation.get());
        }
        PayOrder order = findOrder(caller, request);
        if (order == null) {
            return new CreateRefundResult.OrderNotFound();
        }
        Refund existing = refunds.findByMchRefundNo(caller.appId(), request.mchRefundNo());
        if (existing != null) {
            return repeated(existing, order, request);
        }
        if (order.getState() != OrderState.SUCCESS) {
            return new CreateRefundResult.OrderNotPaid(order.getPayOrderId(), order.getState().name());
        }
        Refund refund = newRefund(caller, order, request);
        try {
            Boolean reserved = tx.execute(status -> {
                if (amounts.reserve(order.getPayOrderId(), refund.getAmount(), refund.getCreatedAt()) == 0) {
                    return false;
                }
                refunds.insert(refund);
                return true;
            });
            if (!Boolean.TRUE.equals(reserved)) {
                return refused(order.getPayOrderId());
            }
        } catch (DuplicateKeyException raced) {
            // the same mch_refund_no arrived twice at once; the reservation rolled back with the insert
            return repeated(refunds.findByMchRefundNo(caller.appId(), request.mchRefundNo()), order, request);
        }
        settle.apply(refund, askChannel(order, refund));
        return new CreateRefundResult.Created(views.view(refunds.selectById(refund.getRefundId())));
    }

    /** Any fault here is an unknown outcome: the refund may have reached the channel, so it stays reserved. */
    private RefundAnswer askChannel(PayOrder order, Refund refund) {
        try {
            return router.refund(new RefundCall(order.getChannel(), order.getOutTradeNo(), refund.getOutRefundNo(),
                    refund.getAmount(), order.getAmount(), order.getCurrency(), refund.getReason()));
        } catch (RuntimeException e) {
            log.warn("refund {} sent to the router without an answer ({}): it will be queried",
                    refund.getRefundId(), e.toString());
            return null;
        }
    }

    private CreateRefundResult repeated(Refund existing, PayOrder order, CreateRefundRequest request) {
        if (!existing.getPayOrderId().equals(order.getPayOrderId()) || existing.getAmount() != request.amount()) {
            return new CreateRefundResult.Conflict(views.view(existing));
        }
        return new CreateRefundResult.Repeated(views.view(existing));
    }

    private CreateRefundResult refused(String payOrderId) {
        PayOrder now = orders.selectById(payOrderId);
        if (now.getState() != OrderState.SUCCESS) {
            return new CreateRefundResult.OrderNotPaid(payOrderId, now.getState().name());
        }
        return new CreateRefundResult.ExceedsPaid(payOrderId, amounts.refundable(payOrderId));
    }

    private PayOrder findOrder(Caller caller, CreateRefundRequest request) {
        PayOrder order;
        if (request.payOrderId() != null && !request.payOrderId().isBlank()) {
            order = orders.selectById(request.payOrderId());
            if (order != null && request.mchOrderNo() != null && !request.mchOrderNo().equals(order.getMchOrderNo())) {
                return null;
            }
        } else {
            order = orders.findByMchOrderNo(caller.mchNo(), caller.appId(), request.mchOrderNo());
        }
        return order == null || !order.getAppId().equals(caller.appId()) ? null : order;
    }

    private Refund newRefund(Caller caller, PayOrder order, CreateRefundRequest r) {
        LocalDateTime now = LocalDateTime.now(clock);
        String hex = MerchantSlots.randomHex(order.getMchNo());
        Refund refund = new Refund();
        refund.setRefundId("rf_" + hex);
        refund.setOutRefundNo(hex);
        refund.setPayOrderId(order.getPayOrderId());
        refund.setAppId(caller.appId());
        refund.setMchNo(order.getMchNo());
        refund.setMchRefundNo(r.mchRefundNo());
        refund.setAmount(r.amount());
        refund.setReason(r.reason());
        refund.setState(Refund.State.PROCESSING);
        refund.setChannel(order.getChannel());
        refund.setCreatedAt(now);
        refund.setUpdatedAt(now);
        // due for a query from the start: if this process dies before the channel answers, the job finds it
        refund.setNextQueryAt(now.plus(properties.step(0)));
        return refund;
    }

}
