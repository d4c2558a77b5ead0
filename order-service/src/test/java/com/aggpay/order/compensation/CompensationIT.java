package com.aggpay.order.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.aggpay.order.close.CloseITSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Orders whose callback never came are queried upstream on a ladder until final (防掉单). */
class CompensationIT extends CloseITSupport {

    @Autowired
    CompensationJob compensationJob;

    @Test
    void a_payment_whose_callback_never_came_is_recovered_by_query_and_a_late_callback_changes_nothing()
            throws Exception {
        JsonNode order = aPayingOrder(3100);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.queryTrade(outTradeNo(order))).thenReturn(paidAnswer(3100));
        makeDueNow(id);

        compensationJob.runRound();
        MvcResult lateCallback = callback(order, 3100);

        assertThat(state(id)).isEqualTo("SUCCESS");
        assertThat(body(lateCallback).get("result").asString()).isEqualTo("ALREADY_APPLIED");
        assertThat(events("PaymentSucceeded", id)).isEqualTo(1);
    }

    @Test
    void an_order_is_first_queried_after_the_first_delay_and_then_on_the_ladder() throws Exception {
        JsonNode order = aPayingOrder(3200);
        String id = order.get("pay_order_id").asString();
        when(tradeOps.queryTrade(outTradeNo(order))).thenReturn(answer("NOT_PAID"));
        jdbc.update("UPDATE pay_order SET next_query_at = NULL WHERE pay_order_id = ?", id);

        compensationJob.runRound();
        assertThat(tries(id)).as("not due before the first delay").isZero();

        jdbc.update("UPDATE pay_order SET created_at = UTC_TIMESTAMP(3) - INTERVAL 11 SECOND WHERE pay_order_id = ?",
                id);
        compensationJob.runRound();

        assertThat(state(id)).isEqualTo("PAYING");
        assertThat(tries(id)).isEqualTo(1);
        // the first rung of the test ladder is 5 s
        assertThat(jdbc.queryForObject("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(3), next_query_at) FROM pay_order "
                + "WHERE pay_order_id = ?", Integer.class, id)).isBetween(3, 5);
    }

    @Test
    void a_trade_closed_or_failed_upstream_ends_the_order_with_its_event() throws Exception {
        JsonNode closed = aPayingOrder(3300);
        JsonNode failed = aPayingOrder(3301);
        when(tradeOps.queryTrade(outTradeNo(closed))).thenReturn(answer("CLOSED"));
        when(tradeOps.queryTrade(outTradeNo(failed))).thenReturn(answer("FAILED"));
        makeDueNow(closed.get("pay_order_id").asString());
        makeDueNow(failed.get("pay_order_id").asString());

        compensationJob.runRound();

        assertThat(state(closed.get("pay_order_id").asString())).isEqualTo("CLOSED");
        assertThat(events("PaymentClosed", closed.get("pay_order_id").asString())).isEqualTo(1);
        assertThat(state(failed.get("pay_order_id").asString())).isEqualTo("FAILED");
        assertThat(events("PaymentFailed", failed.get("pay_order_id").asString())).isEqualTo(1);
    }

    @Test
    void concurrent_rounds_never_query_the_same_order_twice_at_once() throws Exception {
        JsonNode order = aPayingOrder(3400);
        String id = order.get("pay_order_id").asString();
        AtomicInteger queries = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        when(tradeOps.queryTrade(outTradeNo(order))).thenAnswer(inv -> {
            queries.incrementAndGet();
            release.await(2, TimeUnit.SECONDS); // hold the query open while the other rounds run
            return answer("NOT_PAID");
        });
        makeDueNow(id);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> rounds = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                rounds.add(pool.submit(compensationJob::runRound));
            }
            Thread.sleep(500);
            release.countDown();
            for (Future<Integer> round : rounds) {
                round.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(queries.get()).isEqualTo(1);
        assertThat(tries(id)).isEqualTo(1);
    }

    private int tries(String payOrderId) {
        return jdbc.queryForObject("SELECT query_tries FROM pay_order WHERE pay_order_id = ?", Integer.class,
                payOrderId);
    }
}
