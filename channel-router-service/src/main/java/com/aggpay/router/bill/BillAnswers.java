package com.aggpay.router.bill;

import com.aggpay.contracts.trade.BillAnswer;
import com.aggpay.router.channel.ChannelBill;
import java.time.LocalDate;

/** Our parsed bill as the wire record; no status is mapped here, order-service sees the channel's own words. */
final class BillAnswers {

    private BillAnswers() {
    }

    static BillAnswer of(String channel, LocalDate day, ChannelBill bill) {
        return new BillAnswer(channel, day.toString(), bill.lines().stream().map(BillAnswers::line).toList());
    }

    private static BillAnswer.Line line(ChannelBill.Line l) {
        return new BillAnswer.Line(l.kind().name(), l.outTradeNo(), l.channelTradeNo(), l.outRefundNo(), l.amount(),
                l.fee(), l.status(), l.time() == null ? null : l.time().toString());
    }
}
