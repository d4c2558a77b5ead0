package com.aggpay.order.payment;

import com.aggpay.contracts.trade.PaymentReport;
import com.aggpay.contracts.event.EventType;
import com.aggpay.order.outbox.Outbox;
import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.payorder.PayAttempt;
import com.aggpay.order.payorder.PayAttempts;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrders;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified channel payment to its order: checks it against the stored order, moves the order to SUCCESS
 * with a conditional update and writes PaymentSucceeded to the outbox in the same transaction.
 */
@Service
public class ApplyChannelPayment {

    private static final Logger log = LoggerFactory.getLogger(ApplyChannelPayment.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");
    private static final Logger alerts = LoggerFactory.getLogger("aggpay.alert");

    private final PayOrders orders;
    private final PayAttempts attempts;
    private final Outbox outbox;
    private final Clock clock;

    public ApplyChannelPayment(PayOrders orders, PayAttempts attempts, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.attempts = attempts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ApplyResult apply(String outTradeNo, PaymentReport report) {
        PayAttempt attempt = attempts.findByOutTradeNo(outTradeNo);
        if (attempt == null) {
            security.warn("event=PAYMENT_FOR_UNKNOWN_TRADE channel={} out_trade_no={}", report.channel(), outTradeNo);
            return new ApplyResult.TradeUnknown();
        }
        PayOrder order = orders.selectById(attempt.getPayOrderId());
        ApplyResult mismatch = mismatch(attempt, order, report);
        if (mismatch != null) {
            ApplyResult.Mismatch m = (ApplyResult.Mismatch) mismatch;
            security.warn("event=PAYMENT_MISMATCH channel={} out_trade_no={} pay_order_id={} field={} detail=\"{}\"",
                    report.channel(), outTradeNo, order.getPayOrderId(), m.field(), m.detail());
            return mismatch;
        }
        if (order.getState() == OrderState.SUCCESS) {
            return alreadyPaid(order, outTradeNo, report);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (orders.markPaid(order.getPayOrderId(), report.channelTradeNo(), paidAt(report, now), now) == 0) {
            // Another callback for the same order won the race in between. Judge by what it committed: a plain read
            // would repeat this transaction's snapshot (no channel trade number yet) and cry double charge.
            return alreadyPaid(orders.lockById(order.getPayOrderId()), outTradeNo, report);
        }
        if (order.getState() != OrderState.PAYING) {
            alerts.error("event=PAYMENT_OF_{}_ORDER pay_order_id={} out_trade_no={} amount={}: the payer was charged "
                    + "after the order ended; it is now SUCCESS", order.getState(), order.getPayOrderId(), outTradeNo,
                    report.amount());
        }
        if (!outTradeNo.equals(order.getOutTradeNo())) {
            alerts.error("event=ORPHAN_TRADE_PAID pay_order_id={} out_trade_no={} handed_out={}",
                    order.getPayOrderId(), outTradeNo, order.getOutTradeNo());
        }
        outbox.append(EventType.PaymentSucceeded, orders.selectById(order.getPayOrderId()));
        log.info("order {} paid through {} trade {}", order.getPayOrderId(), report.channel(), report.channelTradeNo());
        return new ApplyResult.Applied();
    }

    private ApplyResult alreadyPaid(PayOrder order, String outTradeNo, PaymentReport report) {
        if (!report.channelTradeNo().equals(order.getChannelTradeNo())) {
            // a second trade of one order was paid: money taken twice, to be refunded by an operator
            alerts.error("event=DUPLICATE_PAYMENT pay_order_id={} out_trade_no={} channel_trade_no={} first={}",
                    order.getPayOrderId(), outTradeNo, report.channelTradeNo(), order.getChannelTradeNo());
        }
        return new ApplyResult.AlreadyApplied();
    }

    private static ApplyResult mismatch(PayAttempt attempt, PayOrder order, PaymentReport report) {
        if (!attempt.getChannel().equals(report.channel())) {
            return new ApplyResult.Mismatch("channel", "trade was opened on " + attempt.getChannel());
        }
        if (order.getAmount() != report.amount()) {
            return new ApplyResult.Mismatch("amount", "order " + order.getAmount() + ", reported " + report.amount());
        }
        if (!order.getCurrency().equals(report.currency())) {
            return new ApplyResult.Mismatch("currency", "order " + order.getCurrency() + ", reported "
                    + report.currency());
        }
        if (report.channelTradeNo() == null || report.channelTradeNo().isBlank()) {
            return new ApplyResult.Mismatch("channel_trade_no", "missing");
        }
        return null;
    }

    private static LocalDateTime paidAt(PaymentReport report, LocalDateTime fallback) {
        if (report.paidAt() == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(report.paidAt()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
