package com.aggpay.order.close;

import com.aggpay.order.payorder.PayOrder;

/** What closing an order gave; every case carries the order as it is now. */
public sealed interface CloseResult {

    PayOrder order();

    /** The order is CLOSED now (by this close or a concurrent one). */
    record Closed(PayOrder order) implements CloseResult {
    }

    /** The order had ended before (CLOSED or FAILED): nothing to do. */
    record AlreadyEnded(PayOrder order) implements CloseResult {
    }

    /** The payer paid (perhaps just now, learned from the channel): the order is SUCCESS and stays so. */
    record AlreadyPaid(PayOrder order) implements CloseResult {
    }

    /** The channel gave no clear answer: the trade may still take money, so the order stays PAYING. */
    record ChannelUnclear(PayOrder order, String why) implements CloseResult {
    }
}
