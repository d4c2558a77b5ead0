package com.aggpay.order.payorder.domain;

import com.aggpay.order.payorder.domain.OrderState;
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

}
