package com.aggpay.simulator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RefundsTest {

    private final Refunds refunds = new Refunds();

    @Test
    void refunds_take_their_amount_off_the_trade_and_a_full_refund_marks_it_refunded() {
        Trade trade = aPaidTrade(1000);
        assertThat(open(trade, "R1", 400).refund()).isNotNull();
        assertThat(trade.refundedAmount()).isEqualTo(400);
        assertThat(trade.state()).isEqualTo(TradeState.PAID);
        assertThat(open(trade, "R2", 600).refund()).isNotNull();
        assertThat(trade.state()).isEqualTo(TradeState.REFUNDED);
    }

    @Test
    void the_same_refund_number_again_finds_the_first_refund_and_refunds_nothing_more() {
        Trade trade = aPaidTrade(1000);
        Refund first = open(trade, "R1", 300).refund();
        Refunds.Opened again = open(trade, "R1", 300);
        assertThat(again.repeated()).isTrue();
        assertThat(again.refund()).isSameAs(first);
        assertThat(trade.refundedAmount()).isEqualTo(300);
    }

    @Test
    void a_refund_never_exceeds_what_is_left_and_a_refused_one_keeps_its_number_free() {
        Trade trade = aPaidTrade(100);
        assertThat(open(trade, "R1", 101).refund()).isNull();
        assertThat(refunds.find("1900000001", "R1")).isEmpty();
        assertThat(open(trade, "R1", 100).refund()).isNotNull();
        assertThat(open(trade, "R2", 1).refund()).isNull();
        assertThat(trade.refundedAmount()).isEqualTo(100);
    }

    @Test
    void an_unpaid_trade_cannot_be_refunded() {
        Trade unpaid = aTrade(100);
        assertThat(open(unpaid, "R1", 50).refund()).isNull();
        assertThat(unpaid.refundedAmount()).isZero();
    }

    private Refunds.Opened open(Trade trade, String no, long amount) {
        return refunds.open(trade.account(), no, () -> new Refund(trade, no, "50" + no, amount, null, null,
                OffsetDateTime.now()));
    }

    private static Trade aPaidTrade(long amount) {
        Trade trade = aTrade(amount);
        trade.pay(OffsetDateTime.now());
        return trade;
    }

    private static Trade aTrade(long amount) {
        return new Trade(Protocol.WXPAY_V3, "1900000001", "wx0000000000000001", "T" + System.nanoTime(),
                "4200" + System.nanoTime(), null, "NATIVE", amount, "CNY", "Latte", null, null, null, null,
                OffsetDateTime.now());
    }
}
