package com.aggpay.router.channel.wxpay.v3;

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

/** Contract test: WeChat Pay v3 refunds, refund query and notifications, and the trade bill, against the fx. */
class WxPayV3RefundIT {

    private static final String MCH_A = "1900000001";
    private static final String MCH_B = "1900000002";

    @RegisterExtension
    static final ChannelFixtures fx = ChannelFixtures.withReceiver(204, "");

    private static ChannelInstance channelA;
    private static ChannelInstance channelB;
    private static final WxPayV3Adapter adapter = new WxPayV3Adapter(Duration.ofSeconds(1), Duration.ofSeconds(2));

    @BeforeAll
    static void buildChannels() {
        channelA = channel("wxpay-a", MCH_A, MCH_A, fx.baseUrl());
        channelB = channel("wxpay-b", MCH_B, MCH_B, fx.baseUrl());
    }

    @Test
    void the_adapter_declares_refunds_and_bills() {
        assertThat(adapter.capabilities()).containsExactlyInAnyOrder(Capability.QUERY, Capability.CLOSE,
                Capability.REFUND, Capability.REFUND_QUERY, Capability.REFUND_NOTIFY, Capability.BILL);
    }

    @Test
    void a_full_refund_is_processing_then_succeeds_and_its_notification_verifies() {
        TradeRequest trade = aPaidTrade(channelA, 1234);
        RefundRequest refund = refundRequest(trade, 1234);

        assertThat(adapter.refund(channelA, refund)).isInstanceOfSatisfying(RefundOutcome.Processing.class,
                p -> assertThat(p.channelRefundNo()).hasSize(29).startsWith("50"));

        RefundNotifyOutcome.Verified notified = fx.awaitVerifiedRefund(adapter, channelA, refund.outRefundNo());
        assertThat(notified.succeeded()).isTrue();
        assertThat(notified.amount()).isEqualTo(1234);
        assertThat(notified.outTradeNo()).isEqualTo(trade.outTradeNo());
        assertThat(notified.accountId()).isEqualTo(MCH_A);
        assertThat(notified.at()).isNotNull();
        assertThat(adapter.queryRefund(channelA, trade.outTradeNo(), refund.outRefundNo()))
                .isInstanceOfSatisfying(RefundOutcome.Succeeded.class, s -> assertThat(s.amount()).isEqualTo(1234));
        assertThat(fx.ledgerOf(MCH_A, trade.outTradeNo())).contains("\"state\":\"REFUNDED\"", "\"refunded_amount\":1234");
    }

    @Test
    void partial_refunds_add_up_and_a_repeated_refund_number_refunds_once() {
        TradeRequest trade = aPaidTrade(channelA, 1000);
        RefundRequest first = refundRequest(trade, 300);
        RefundOutcome once = adapter.refund(channelA, first);
        RefundOutcome again = adapter.refund(channelA, first);
        assertThat(once).isInstanceOf(RefundOutcome.Processing.class);
        assertThat(channelRefundNo(again)).isEqualTo(channelRefundNo(once));
        assertThat(adapter.refund(channelA, refundRequest(trade, 200))).isInstanceOf(RefundOutcome.Processing.class);

        assertThat(fx.ledgerOf(MCH_A, trade.outTradeNo())).contains("\"state\":\"PAID\"", "\"refunded_amount\":500");
    }

    @Test
    void a_refund_beyond_the_paid_amount_fails_definitely() {
        TradeRequest trade = aPaidTrade(channelA, 100);
        assertThat(adapter.refund(channelA, refundRequest(trade, 101))).isInstanceOfSatisfying(RefundOutcome.Failed.class,
                f -> assertThat(f.channelCode()).isEqualTo("INVALID_REQUEST"));
        adapter.refund(channelA, refundRequest(trade, 60));
        assertThat(adapter.refund(channelA, refundRequest(trade, 50))).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(fx.ledgerOf(MCH_A, trade.outTradeNo())).contains("\"refunded_amount\":60");
    }

    @Test
    void refunds_of_unpaid_or_unknown_trades_fail_and_unknown_refunds_are_not_found() {
        TradeRequest unpaid = request(100);
        adapter.createTrade(channelA, unpaid);
        assertThat(adapter.refund(channelA, refundRequest(unpaid, 100))).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(adapter.refund(channelA, refundRequest(request(100), 100)))
                .isInstanceOfSatisfying(RefundOutcome.Failed.class,
                        f -> assertThat(f.channelCode()).isEqualTo("RESOURCE_NOT_EXISTS"));
        assertThat(adapter.queryRefund(channelA, unpaid.outTradeNo(), "RNEVER" + System.nanoTime()))
                .isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                        u -> assertThat(u.channelCode()).isEqualTo("REFUND_NOT_FOUND"));
    }

    @Test
    void forged_tampered_foreign_and_payment_notifications_are_refused_as_refunds() {
        TradeRequest trade = aPaidTrade(channelB, 500);
        RefundRequest refund = refundRequest(trade, 500);
        adapter.refund(channelB, refund);
        ChannelNotification genuine = fx.findRefund(adapter, channelB, refund.outRefundNo(), ChannelFixtures.NOTIFY_TIMEOUT);
        assertThat(genuine).isNotNull();

        assertThat(adapter.verifyRefundNotification(channelA, genuine)).isInstanceOf(RefundNotifyOutcome.Refused.class);
        ChannelInstance aWithBKeys = channel("wxpay-a-wrong-keys", MCH_A, MCH_B, fx.baseUrl());
        assertThat(adapter.verifyRefundNotification(aWithBKeys, genuine)).isInstanceOf(RefundNotifyOutcome.Refused.class);
        String body = new String(genuine.body(), StandardCharsets.UTF_8);
        byte[] tampered = body.replace("\"summary\":\"", "\"summary\":\"x").getBytes(StandardCharsets.UTF_8);
        assertThat(adapter.verifyRefundNotification(channelB, new ChannelNotification(genuine.headers(), tampered,
                genuine.contentType()))).isInstanceOf(RefundNotifyOutcome.Refused.class);

        TradeRequest paid = request(100);
        String payData = ((TradeOutcome.Accepted) adapter.createTrade(channelB, paid)).payData();
        fx.pay(payData);
        ChannelNotification payment = fx.findPayment(adapter, channelB, paid.outTradeNo(), ChannelFixtures.NOTIFY_TIMEOUT);
        assertThat(payment).isNotNull();
        assertThat(adapter.verifyRefundNotification(channelB, payment)).isInstanceOfSatisfying(
                RefundNotifyOutcome.Refused.class, r -> assertThat(r.reason()).contains("TRANSACTION.SUCCESS"));
    }

    @Test
    void down_error_5xx_timeout_and_bad_signature_make_a_refund_unknown() {
        TradeRequest trade = aPaidTrade(channelA, 1000);

        fx.setFault(MCH_A, "DOWN", 1.0, 0);
        RefundRequest down = refundRequest(trade, 100);
        assertThat(adapter.refund(channelA, down)).isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("HTTP_503"));
        fx.clearFaults();
        assertThat(adapter.queryRefund(channelA, trade.outTradeNo(), down.outRefundNo()))
                .isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                        u -> assertThat(u.channelCode()).isEqualTo("REFUND_NOT_FOUND"));

        fx.setFault(MCH_A, "ERROR_5XX", 1.0, 0);
        RefundRequest error = refundRequest(trade, 100);
        assertThat(adapter.refund(channelA, error)).isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("SYSTEM_ERROR"));
        fx.clearFaults();
        assertThat(adapter.refund(channelA, error)).as("the same number again finds the first refund")
                .isNotInstanceOf(RefundOutcome.Failed.class);

        fx.setFault(MCH_A, "TIMEOUT_AFTER_ACCEPT", 1.0, 0);
        long started = System.nanoTime();
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("IO_AFTER_SEND"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        fx.clearFaults();

        fx.setFault(MCH_A, "BAD_SIGNATURE", 1.0, 0);
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOfSatisfying(RefundOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
        fx.clearFaults();

        fx.setFault(MCH_A, "SLOW", 1.0, 500);
        assertThat(adapter.refund(channelA, refundRequest(trade, 100))).isInstanceOf(RefundOutcome.Processing.class);
        fx.clearFaults();

        // error, timeout, bad signature and slow all refunded upstream; down did not
        assertThat(fx.ledgerOf(MCH_A, trade.outTradeNo())).contains("\"refunded_amount\":400");
    }

    @Test
    void a_refund_that_cannot_be_sent_fails_definitely() {
        ChannelInstance nowhere = channel("wxpay-nowhere", MCH_A, MCH_A, ChannelFixtures.closedPortUrl());
        assertThat(adapter.refund(nowhere, new RefundRequest("T1234567", "R1234567", 1, 1, "CNY", null)))
                .isInstanceOfSatisfying(RefundOutcome.Failed.class, f -> assertThat(f.channelCode()).isEqualTo("CONNECT_FAILED"));
    }

    @Test
    void the_bill_of_the_day_lists_payments_refunds_and_injected_trades() throws Exception {
        TradeRequest paid = aPaidTrade(channelB, 1234);
        RefundRequest refund = refundRequest(paid, 234);
        adapter.refund(channelB, refund);
        fx.awaitVerifiedRefund(adapter, channelB, refund.outRefundNo());
        String injected = "INJ" + System.nanoTime();
        assertThat(fx.inject(MCH_B, injected, 777)).isEqualTo(201);

        ChannelBill bill = adapter.downloadBill(channelB, LocalDate.now(ZoneId.of("Asia/Shanghai")));

        assertThat(bill.channel()).isEqualTo("wxpay-b");
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
        return ChannelFixtures.tradeRequest("WXR", PayWay.WX_NATIVE, amount, Map.of());
    }

    private static String channelRefundNo(RefundOutcome outcome) {
        if (outcome instanceof RefundOutcome.Processing p) {
            return p.channelRefundNo();
        }
        if (outcome instanceof RefundOutcome.Succeeded s) {
            return s.channelRefundNo();
        }
        throw new AssertionError("not accepted: " + outcome);
    }

    private static ChannelInstance channel(String name, String accountId, String keysOf, String baseUrl) {
        return fx.wxpayV3(name, accountId, keysOf, baseUrl, Set.of(PayWay.WX_NATIVE));
    }
}
