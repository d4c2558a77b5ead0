package com.aggpay.order.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import com.aggpay.order.close.CloseITSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each event of one order carries the next number of that order, in the order the changes committed. */
class OrderEventSequenceIT extends CloseITSupport {

    @Test
    void a_closed_order_paid_late_announces_its_close_as_1_and_its_payment_as_2() throws Exception {
        JsonNode order = aPayingOrder(2300);
        String payOrderId = order.get("pay_order_id").asString();
        when(tradeOps.closeTrade(outTradeNo(order))).thenReturn(new CloseTradeAnswer("CLOSED"));

        assertThat(close(payOrderId, "it-app").getResponse().getStatus()).isEqualTo(200);
        assertThat(callback(order, 2300).getResponse().getStatus()).isEqualTo(200);

        List<JsonNode> events = jdbc.queryForList("SELECT payload FROM outbox_event WHERE payload LIKE ? ORDER BY id",
                String.class, "%" + payOrderId + "%").stream().map(json::readTree).toList();
        assertThat(events).extracting(e -> e.get("event_type").asString())
                .containsExactly("PaymentClosed", "PaymentSucceeded");
        assertThat(events).extracting(e -> e.get("order_seq").asInt()).containsExactly(1, 2);
        assertThat(events).allSatisfy(e -> assertThat(e.get("pay_order_id").asString()).isEqualTo(payOrderId));
    }
}
