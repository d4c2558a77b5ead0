package com.aggpay.order.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import com.aggpay.order.compensation.ExpiryJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Expired unpaid orders are closed upstream and locally by the expiry job; a late payment wins. */
class ExpiryIT extends CloseITSupport {

    @Autowired
    ExpiryJob expiryJob;

    @Test
    void an_expired_order_is_closed_upstream_then_locally() throws Exception {
        JsonNode order = aPayingOrder(2100);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.closeTrade(outTradeNo(order))).thenReturn(new CloseTradeAnswer("CLOSED"));
        expire(id);

        expiryJob.runRound();

        assertThat(state(id)).isEqualTo("CLOSED");
        assertThat(events("PaymentClosed", id)).isEqualTo(1);
    }

    @Test
    void an_expired_order_whose_trade_was_paid_becomes_success_instead() throws Exception {
        JsonNode order = aPayingOrder(2200);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.closeTrade(outTradeNo(order))).thenReturn(new CloseTradeAnswer("PAID"));
        when(tradeOps.queryTrade(outTradeNo(order))).thenReturn(paidAnswer(2200));
        expire(id);

        expiryJob.runRound();

        assertThat(state(id)).isEqualTo("SUCCESS");
        assertThat(events("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(events("PaymentClosed", id)).isZero();
    }

    @Test
    void an_expired_order_stays_paying_while_the_channel_is_unclear_and_is_tried_again_later() throws Exception {
        JsonNode order = aPayingOrder(2300);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.closeTrade(outTradeNo(order))).thenReturn(new CloseTradeAnswer("UNKNOWN"));
        expire(id);

        expiryJob.runRound();

        assertThat(state(id)).isEqualTo("PAYING");
        assertThat(jdbc.queryForObject("SELECT next_query_at > UTC_TIMESTAMP(3) FROM pay_order WHERE pay_order_id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void an_expired_order_without_a_trade_is_closed_locally_without_asking_the_channel() throws Exception {
        doThrow(new IllegalStateException("router down")).when(router).placeTrade(any());
        String id;
        try {
            aPayingOrder(2400);
            throw new AssertionError("expected 503");
        } catch (IllegalStateException e) {
            id = json.readTree(e.getMessage()).get("order").get("pay_order_id").asString();
        }
        jdbc.update("UPDATE pay_order SET placing_until = NULL WHERE pay_order_id = ?", id);
        expire(id);

        expiryJob.runRound();

        assertThat(state(id)).isEqualTo("CLOSED");
        assertThat(events("PaymentClosed", id)).isEqualTo(1);
        verify(tradeOps, never()).closeTrade(anyString());
    }
}
