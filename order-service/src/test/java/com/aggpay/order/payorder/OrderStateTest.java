package com.aggpay.order.payorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStateTest {

    @Test
    void only_success_is_final_and_every_other_state_still_accepts_a_reported_payment() {
        assertThat(OrderState.SUCCESS.isFinal()).isTrue();
        assertThat(OrderState.SUCCESS.acceptsPayment()).isFalse();
        for (OrderState s : new OrderState[] {OrderState.PAYING, OrderState.FAILED, OrderState.CLOSED}) {
            assertThat(s.isFinal()).isFalse();
            assertThat(s.acceptsPayment()).as(s.name()).isTrue();
        }
    }

    @Test
    void pay_order_ids_are_random_and_short_enough_for_channel_trade_numbers() {
        String id = CreatePayOrder.newPayOrderId();
        assertThat(id).matches("po_[0-9a-f]{24}");
        assertThat(CreatePayOrder.newPayOrderId()).isNotEqualTo(id);
    }
}
