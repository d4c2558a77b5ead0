package com.aggpay.order.payorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayOrderIdTest {

    @Test
    void pay_order_ids_are_random_and_short_enough_for_channel_trade_numbers() {
        String id = CreatePayOrder.newPayOrderId();
        assertThat(id).matches("po_[0-9a-f]{24}");
        assertThat(CreatePayOrder.newPayOrderId()).isNotEqualTo(id);
    }
}
