package com.aggpay.router.channel.alipay;

import static com.aggpay.router.channel.ChannelFixtures.refundRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelBill;
import com.aggpay.router.channel.ChannelFixtures;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract test: Alipay refunds, refund query and notifications, and the trade bill, against the fx. */
class AlipayRefundIT {

    private static final String APP_A = "2021000000000001";
    private static final String APP_B = "2021000000000002";

    @RegisterExtension
    static final ChannelFixtures fx = ChannelFixtures.withReceiver(200, "success");

    private static ChannelInstance channelA;
    private static ChannelInstance channelB;
    private static final AlipayAdapter adapter = new AlipayAdapter(Duration.ofSeconds(1), Duration.ofSeconds(2));

    @BeforeAll
    static void buildChannels() {
        channelA = channel("alipay-a", APP_A, APP_A, fx.baseUrl());
        channelB = channel("alipay-b", APP_B, APP_B, fx.baseUrl());
    }

    @Test
    void the_adapter_declares_refunds_and_bills() {
        assertThat(adapter.capabilities()).containsExactlyInAnyOrder(Capability.QUERY, Capability.CLOSE,
                Capability.REFUND, Capability.REFUND_QUERY, Capability.REFUND_NOTIFY, Capability.BILL);
    }

    @Test
    void a_full_refund_succeeds_at_once_and_its_notification_verifies() {
        TradeRequest trade = aPaidTrade(channelA, 1234);
        RefundRequest refund = refundRequest(trade, 1234);

        assertThat(adapter.refund(channelA, refund)).isInstanceOfSatisfying(RefundOutcome.Succeeded.class, s -> {
            assertThat(s.amount()).isEqualTo(1234);
            assertThat(s.succeededAt()).isNotNull();
        });
        RefundNotifyOutcome.Verified notified = fx.awaitVerifiedRefund(adapter, channelA, refund.outRefundNo());
        assertThat(notified.amount()).isEqualTo(1234);
        assertThat(notified.succeeded()).isTrue();
        assertThat(notified.outTradeNo()).isEqualTo(trade.outTradeNo());
        assertThat(adapter.queryRefund(channelA, trade.outTradeNo(), refund.outRefundNo()))
                .isInstanceOfSatisfying(RefundOutcome.Succeeded.class, s -> assertThat(s.amount()).isEqualTo(1234));
        assertThat(fx.ledgerOf(APP_A, trade.outTradeNo())).contains("\"state\":\"REFUNDED\"", "\"refunded_amount\":1234");
    }

    @Test
    void partial_refunds_add_up_and_a_repeated_request_number_refunds_once() {
        TradeRequest trade = aPaidTrade(channelA, 1000);
        RefundRequest first = refundRequest(trade, 300);
        assertThat(adapter.refund(channelA, first)).isInstanceOf(RefundOutcome.Succeeded.class);
        assertThat(adapter.refund(channelA, first)).as("fund_change=N, confirmed by the refund query")
                .isInstanceOfSatisfying(RefundOutcome.Succeeded.class, s -> assertThat(s.amount()).isEqualTo(300));
        RefundRequest second = refundRequest(trade, 200);
        assertThat(adapter.refund(channelA, second)).isInstanceOf(RefundOutcome.Succeeded.class);
        // the second notification's refund_fee is the running total 5.00; the adapter reports this refund's 2.00
        assertThat(fx.awaitVerifiedRefund(adapter, channelA, second.outRefundNo()).amount()).isEqualTo(200);

        assertThat(fx.ledgerOf(APP_A, trade.outTradeNo())).contains("\"state\":\"PAID\"", "\"refunded_amount\":500");
    }

    @Test
    void refunds_beyond_the_paid_amount_or_of_unpaid_trades_fail_definitely() {
        TradeRequest trade = aPaidTrade(channelA, 100);
        assertThat(adapter.refund(channelA, refundRequest(trade, 101))).isInstanceOfSatisfying(RefundOutcome.Failed.class,
                f -> assertThat(f.channelCode()).isEqualTo("40004/ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"));
        TradeRequest unpaid = request(100);
        adapter.createTrade(channelA, unpaid);
        assertThat(adapter.refund(channelA, refundRequest(unpaid, 100))).isInstanceOfSatisfying(RefundOutcome.Failed.class,
                f -> assertThat(f.channelCode()).isEqualTo("40004/ACQ.TRADE_STATUS_ERROR"));
        assertThat(adapter.queryRefund(channelA, trade.outTradeNo(), "RNEVER" + System.nanoTime()))
                .isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                        u -> assertThat(u.channelCode()).isEqualTo("REFUND_NOT_FOUND"));
    }

    @Test
    void forged_foreign_and_payment_notifications_are_refused_as_refunds() {
        TradeRequest trade = aPaidTrade(channelB, 500);
        ChannelNotification payment = fx.findPayment(adapter, channelB, trade.outTradeNo(), ChannelFixtures.NOTIFY_TIMEOUT);
        RefundRequest refund = refundRequest(trade, 200);
        adapter.refund(channelB, refund);
        ChannelNotification genuine = fx.findRefund(adapter, channelB, refund.outRefundNo(), ChannelFixtures.NOTIFY_TIMEOUT);
        assertThat(genuine).isNotNull();

        assertThat(adapter.verifyRefundNotification(channelA, genuine)).isInstanceOf(RefundNotifyOutcome.Refused.class);
        String body = new String(genuine.body(), StandardCharsets.UTF_8);
        String raised = body.replace("refund_fee=2.00", "refund_fee=5.00");
        assertThat(raised).isNotEqualTo(body);
        assertThat(adapter.verifyRefundNotification(channelB, new ChannelNotification(genuine.headers(),
                raised.getBytes(StandardCharsets.UTF_8), genuine.contentType()))).isInstanceOf(RefundNotifyOutcome.Refused.class);
        assertThat(payment).isNotNull();
        assertThat(adapter.verifyRefundNotification(channelB, payment)).isInstanceOf(RefundNotifyOutcome.Refused.class);
    }

    @Test
    void down_error_5xx_timeout_and_bad_signature_make_a_refund_unknown() {
        TradeRequest trade = aPaidTrade(channelA, 1000);

        fx.setFault(APP_A, "DOWN", 1.0, 0);
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOf(RefundOutcome.Unknown.class);
        fx.clearFaults();

        fx.setFault(APP_A, "ERROR_5XX", 1.0, 0);
        RefundRequest error = refundRequest(trade, 100);
        assertThat(adapter.refund(channelA, error)).isInstanceOf(RefundOutcome.Unknown.class);
        fx.clearFaults();
        assertThat(adapter.queryRefund(channelA, trade.outTradeNo(), error.outRefundNo()))
                .isInstanceOf(RefundOutcome.Succeeded.class);

        fx.setFault(APP_A, "TIMEOUT_AFTER_ACCEPT", 1.0, 0);
        long started = System.nanoTime();
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        fx.clearFaults();

        fx.setFault(APP_A, "BAD_SIGNATURE", 1.0, 0);
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
        fx.clearFaults();

        fx.setFault(APP_A, "SLOW", 1.0, 500);
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOf(RefundOutcome.Succeeded.class);
        fx.clearFaults();

        assertThat(fx.ledgerOf(APP_A, trade.outTradeNo())).contains("\"refunded_amount\":400");
    }

    @Test
    void a_refund_that_cannot_be_sent_fails_definitely() {
        ChannelInstance nowhere = channel("alipay-nowhere", APP_A, APP_A, ChannelFixtures.closedPortUrl());
        assertThat(adapter.refund(nowhere, new RefundRequest("T1234567", "R1234567", 1, 1, "CNY", null)))
                .isInstanceOfSatisfying(RefundOutcome.Failed.class, f -> assertThat(f.channelCode()).isEqualTo("CONNECT_FAILED"));
    }

    @Test
    void the_bill_of_the_day_lists_payments_refunds_and_injected_trades() {
        TradeRequest paid = aPaidTrade(channelB, 1234);
        RefundRequest refund = refundRequest(paid, 234);
        adapter.refund(channelB, refund);
        String injected = "INJ" + System.nanoTime();
        assertThat(fx.inject(APP_B, injected, 777)).isEqualTo(201);

        ChannelBill bill = adapter.downloadBill(channelB, LocalDate.now(ZoneId.of("Asia/Shanghai")));

        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(ChannelBill.Kind.PAYMENT);
            assertThat(l.outTradeNo()).isEqualTo(paid.outTradeNo());
            assertThat(l.amount()).isEqualTo(1234);
            assertThat(l.fee()).isEqualTo(7);
        });
        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(ChannelBill.Kind.REFUND);
            assertThat(l.outRefundNo()).isEqualTo(refund.outRefundNo());
            assertThat(l.amount()).isEqualTo(234);
        });
        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.outTradeNo()).isEqualTo(injected);
            assertThat(l.amount()).isEqualTo(777);
        });
    }

    @Test
    void a_day_without_trades_has_an_empty_bill() {
        assertThat(adapter.downloadBill(channelA, LocalDate.of(2020, 1, 1)).lines()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static TradeRequest aPaidTrade(ChannelInstance channel, long amount) {
        TradeRequest request = request(amount);
        String payData = ((TradeOutcome.Accepted) adapter.createTrade(channel, request)).payData();
        assertThat(fx.pay(payData).statusCode()).isEqualTo(200);
        return request;
    }

    private static TradeRequest request(long amount) {
        return ChannelFixtures.tradeRequest("ALR", PayWay.ALI_QR, amount, Map.of());
    }

    private static ChannelInstance channel(String name, String accountId, String keysOf, String baseUrl) {
        return fx.alipay(name, accountId, keysOf, baseUrl, Set.of(PayWay.ALI_QR));
    }
}
