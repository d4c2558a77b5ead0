package com.aggpay.order.payment;

import com.aggpay.contracts.trade.PaymentReport;
import com.aggpay.contracts.trade.TradeStatusAnswer;
import com.aggpay.order.payorder.PayOrder;
import org.springframework.stereotype.Service;

/**
 * Applies a payment that the channel confirmed in answer to a query rather than by a callback (close that came too
 * late, compensation of a lost callback). It goes through the same checks and the same conditional update as a
 * callback, so whichever of the two comes second changes nothing.
 */
@Service
public class ApplyQueriedPayment {

    private final ApplyChannelPayment applyChannelPayment;

    public ApplyQueriedPayment(ApplyChannelPayment applyChannelPayment) {
        this.applyChannelPayment = applyChannelPayment;
    }

    /** @param answer a query answer whose status is PAID */
    public ApplyResult apply(PayOrder order, TradeStatusAnswer answer) {
        if (!answer.paid() || answer.amount() == null) {
            throw new IllegalArgumentException("not a paid answer: " + answer.status());
        }
        return applyChannelPayment.apply(order.getOutTradeNo(), new PaymentReport(answer.channel(),
                answer.channelTradeNo(), answer.accountId(), answer.amount(), answer.currency(), answer.paidAt()));
    }
}
