package com.aggpay.order.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** The merchant's close: upstream first, locally only once the channel confirmed; never hides a payment. */
class CloseOrderIT extends CloseITSupport {

    @Test
    void closing_a_paying_order_closes_its_trade_upstream_then_the_order_and_announces_it_once() throws Exception {
        JsonNode order = aPayingOrder(1200);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.closeTrade(outTradeNo(order))).thenReturn(new CloseTradeAnswer("CLOSED"));

        MvcResult closed = close(id, "it-app");
        MvcResult again = close(id, "it-app");

        assertThat(closed.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(closed).get("state").asString()).isEqualTo("CLOSED");
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(again).get("state").asString()).isEqualTo("CLOSED");
        assertThat(events("PaymentClosed", id)).isEqualTo(1);
        verify(tradeOps, times(1)).closeTrade(outTradeNo(order));
    }

    @Test
    void a_paid_order_cannot_be_closed() throws Exception {
        JsonNode order = aPayingOrder(1300);
        String id = order.get("pay_order_id").asString();
        callback(order, 1300);

        MvcResult r = close(id, "it-app");

        assertThat(r.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(r).get("code").asString()).isEqualTo("ORDER_ALREADY_PAID");
        assertThat(state(id)).isEqualTo("SUCCESS");
        verify(tradeOps, never()).closeTrade(anyString());
    }

    @Test
    void while_the_channel_gives_no_clear_answer_the_close_is_refused_and_the_order_stays_paying() throws Exception {
        JsonNode unknown = aPayingOrder(1400);
        JsonNode down = aPayingOrder(1401);
        when(tradeOps.closeTrade(outTradeNo(unknown))).thenReturn(new CloseTradeAnswer("UNKNOWN"));
        when(tradeOps.closeTrade(outTradeNo(down))).thenThrow(new IllegalStateException("connection refused"));

        MvcResult r1 = close(unknown.get("pay_order_id").asString(), "it-app");
        MvcResult r2 = close(down.get("pay_order_id").asString(), "it-app");

        assertThat(r1.getResponse().getStatus()).isEqualTo(503);
        assertThat(body(r1).get("code").asString()).isEqualTo("CHANNEL_UNAVAILABLE");
        assertThat(r2.getResponse().getStatus()).isEqualTo(503);
        assertThat(state(unknown.get("pay_order_id").asString())).isEqualTo("PAYING");
        assertThat(state(down.get("pay_order_id").asString())).isEqualTo("PAYING");
        assertThat(events("PaymentClosed", unknown.get("pay_order_id").asString())).isZero();
    }

    @Test
    void when_the_channel_says_the_trade_was_paid_the_order_becomes_success_and_the_close_is_refused()
            throws Exception {
        JsonNode order = aPayingOrder(1500);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.closeTrade(outTradeNo(order))).thenReturn(new CloseTradeAnswer("PAID"));
        when(tradeOps.queryTrade(outTradeNo(order))).thenReturn(paidAnswer(1500));

        MvcResult r = close(id, "it-app");

        assertThat(r.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(r).get("code").asString()).isEqualTo("ORDER_ALREADY_PAID");
        assertThat(body(r).get("order").get("state").asString()).isEqualTo("SUCCESS");
        assertThat(state(id)).isEqualTo("SUCCESS");
        assertThat(events("PaymentSucceeded", id)).isEqualTo(1);
        assertThat(events("PaymentClosed", id)).isZero();
    }

    @Test
    void another_apps_order_is_not_found() throws Exception {
        JsonNode order = aPayingOrder(1600);

        MvcResult r = close(order.get("pay_order_id").asString(), "other-app");

        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(r).get("code").asString()).isEqualTo("ORDER_NOT_FOUND");
        verify(tradeOps, never()).closeTrade(anyString());
    }
}
