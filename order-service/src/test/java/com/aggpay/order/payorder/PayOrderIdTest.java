package com.aggpay.order.payorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.order.sharding.MerchantSlots;
import org.junit.jupiter.api.Test;

class PayOrderIdTest {

    @Test
    void pay_order_ids_are_random_and_short_enough_for_channel_trade_numbers() {
        String id = CreatePayOrder.newPayOrderId("M10001");
        assertThat(id).matches("po_[0-9a-f]{24}");
        assertThat(CreatePayOrder.newPayOrderId("M10001")).isNotEqualTo(id);
    }

    @Test
    void a_pay_order_id_and_its_trade_numbers_name_the_slot_of_their_merchant() {
        String id = CreatePayOrder.newPayOrderId("M10001");

        assertThat(MerchantSlots.ofId(id)).hasValue(MerchantSlots.of("M10001"));
        assertThat(MerchantSlots.ofId(id.substring(3) + "02")).hasValue(MerchantSlots.of("M10001"));
    }
}
