package com.aggpay.router.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.ChannelFixtures;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayDataType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract test: the Alipay adapter (official SDK) against the channel simulator process. */
class AlipayAdapterIT {

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
    void every_pay_way_is_accepted_with_its_pay_data_type() {
        assertThat(adapter.createTrade(channelA, request(PayWay.ALI_QR, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.CODE_URL);
                    assertThat(a.payData()).startsWith("https://qr.alipay.com/bax");
                });
        assertThat(adapter.createTrade(channelA, request(PayWay.ALI_JSAPI, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.JSAPI_PARAMS);
                    assertThat(a.payData()).matches("\\{\"tradeNO\":\"2026\\d{24}\"}");
                });
        for (PayWay formWay : new PayWay[] {PayWay.ALI_WAP, PayWay.ALI_PC}) {
            assertThat(adapter.createTrade(channelA, request(formWay, 100)))
                    .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                        assertThat(a.payDataType()).isEqualTo(PayDataType.FORM);
                        assertThat(a.payData()).contains("<form").contains(fx.baseUrl() + "/gateway.do");
                    });
        }
        assertThat(adapter.createTrade(channelA, request(PayWay.ALI_APP, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.APP_PARAMS);
                    assertThat(a.payData()).contains("method=alipay.trade.app.pay").contains("sign=");
                });
    }

    @Test
    void the_same_request_again_gets_the_same_trade() {
        TradeRequest qr = request(PayWay.ALI_QR, 300);
        TradeOutcome first = adapter.createTrade(channelA, qr);
        assertThat(first).isInstanceOf(TradeOutcome.Accepted.class);
        assertThat(adapter.createTrade(channelA, qr)).isEqualTo(first);
        TradeRequest jsapi = request(PayWay.ALI_JSAPI, 300);
        assertThat(adapter.createTrade(channelA, jsapi)).isEqualTo(adapter.createTrade(channelA, jsapi));
    }

    @Test
    void a_paid_trade_notifies_and_the_notification_verifies() {
        TradeRequest request = request(PayWay.ALI_QR, 1234);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channelA, request);
        var paid = fx.pay(accepted.payData());
        assertThat(paid.statusCode()).isEqualTo(200);

        NotifyOutcome outcome = adapter.verifyPaymentNotification(channelA, fx.awaitPayment(adapter, channelA, request.outTradeNo()));
        assertThat(outcome).isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> {
            assertThat(v.amount()).isEqualTo(1234);
            assertThat(v.currency()).isEqualTo("CNY");
            assertThat(v.accountId()).isEqualTo(APP_A);
            assertThat(v.status()).isEqualTo(TradeStatus.PAID);
            assertThat(v.channelTradeNo()).hasSize(28).startsWith("20");
            assertThat(v.paidAt()).isNotNull();
        });
        assertThat(fx.pay(accepted.payData()).statusCode()).isEqualTo(409);
        assertThat(adapter.createTrade(channelA, request)).isInstanceOfSatisfying(TradeOutcome.Paid.class,
                p -> assertThat(p.channelCode()).contains("ACQ.TRADE_HAS_SUCCESS"));
    }

    @Test
    void payer_opened_pay_data_can_be_paid_too() {
        for (PayWay way : new PayWay[] {PayWay.ALI_WAP, PayWay.ALI_PC, PayWay.ALI_APP, PayWay.ALI_JSAPI}) {
            TradeRequest request = request(way, 777);
            TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channelA, request);
            assertThat(fx.pay(accepted.payData()).statusCode()).as(way.name()).isEqualTo(200);
            assertThat(adapter.verifyPaymentNotification(channelA, fx.awaitPayment(adapter, channelA, request.outTradeNo())))
                    .isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> assertThat(v.amount()).isEqualTo(777));
        }
    }

    @Test
    void forged_tampered_and_foreign_notifications_are_refused() {
        TradeRequest request = request(PayWay.ALI_QR, 500);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channelB, request);
        fx.pay(accepted.payData());
        ChannelNotification genuine = fx.awaitPayment(adapter, channelB, request.outTradeNo());
        assertThat(adapter.verifyPaymentNotification(channelB, genuine)).isInstanceOf(NotifyOutcome.Verified.class);

        // another account's notification at channel A: signed with B's Alipay key
        assertThat(adapter.verifyPaymentNotification(channelA, genuine)).isInstanceOf(NotifyOutcome.Refused.class);
        // B's key configured on A's channel by mistake: the signature holds, the app_id does not
        ChannelInstance aWithBKeys = channel("alipay-a-wrong-keys", APP_A, APP_B, fx.baseUrl());
        assertThat(adapter.verifyPaymentNotification(aWithBKeys, genuine)).isInstanceOf(NotifyOutcome.Refused.class);
        // amount raised after signing
        String body = new String(genuine.body(), StandardCharsets.UTF_8);
        String raised = body.replace("total_amount=5.00", "total_amount=500.00");
        assertThat(raised).isNotEqualTo(body);
        assertThat(adapter.verifyPaymentNotification(channelB, new ChannelNotification(genuine.headers(),
                raised.getBytes(StandardCharsets.UTF_8), genuine.contentType()))).isInstanceOf(NotifyOutcome.Refused.class);
    }

    @Test
    void down_is_unknown_and_creates_nothing() {
        fx.setFault(APP_A, "DOWN", 1.0, 0);
        TradeRequest request = request(PayWay.ALI_QR, 100);
        assertThat(adapter.createTrade(channelA, request)).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(fx.ledger(APP_A)).doesNotContain(request.outTradeNo());
    }

    @Test
    void error_5xx_is_unknown_and_the_trade_exists_upstream() {
        fx.setFault(APP_A, "ERROR_5XX", 1.0, 0);
        TradeRequest request = request(PayWay.ALI_QR, 100);
        assertThat(adapter.createTrade(channelA, request)).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(fx.ledger(APP_A)).contains(request.outTradeNo());
    }

    @Test
    void timeout_after_accept_is_unknown_within_the_read_timeout() {
        fx.setFault(APP_A, "TIMEOUT_AFTER_ACCEPT", 1.0, 0);
        TradeRequest request = request(PayWay.ALI_JSAPI, 100);
        long started = System.nanoTime();
        assertThat(adapter.createTrade(channelA, request)).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(fx.ledger(APP_A)).contains(request.outTradeNo());
    }

    @Test
    void a_bad_response_signature_is_unknown() {
        fx.setFault(APP_A, "BAD_SIGNATURE", 1.0, 0);
        assertThat(adapter.createTrade(channelA, request(PayWay.ALI_QR, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                        u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
    }

    @Test
    void connection_refused_is_a_definite_rejection() {
        ChannelInstance nowhere = channel("alipay-nowhere", APP_A, APP_A, ChannelFixtures.closedPortUrl());
        assertThat(adapter.createTrade(nowhere, request(PayWay.ALI_QR, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                        r -> assertThat(r.channelCode()).isEqualTo("CONNECT_FAILED"));
    }

    @Test
    void a_request_signed_with_the_wrong_app_key_is_rejected() {
        // B's app key signs, A's Alipay key verifies the answer: the simulator's 40002 is itself genuine
        ChannelInstance wrongAppKey = new ChannelInstance("alipay-a-wrong-app-key", ChannelType.ALIPAY, APP_A,
                Set.of(PayWay.ALI_QR), true, fx.baseUrl(), fx.receiver().url("/x"), Map.of(
                "app_private_key", fx.key("alipay/" + APP_B + "/app_private.pem"),
                "alipay_public_key", fx.key("alipay/" + APP_A + "/alipay_public.pem")));
        assertThat(adapter.createTrade(wrongAppKey, request(PayWay.ALI_QR, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                        r -> assertThat(r.channelCode()).isEqualTo("40002/isv.invalid-signature"));
    }

    @Test
    void the_official_client_accepts_query_and_close_answers() throws Exception {
        TradeRequest request = request(PayWay.ALI_QR, 880);
        adapter.createTrade(channelA, request);
        DefaultAlipayClient client = new DefaultAlipayClient(fx.baseUrl() + "/gateway.do", APP_A,
                AliCredentials.pemBody(fx.key("alipay/" + APP_A + "/app_private.pem")), "json", "utf-8",
                AliCredentials.pemBody(fx.key("alipay/" + APP_A + "/alipay_public.pem")), "RSA2");
        AlipayTradeQueryRequest query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"" + request.outTradeNo() + "\"}");
        AlipayTradeQueryResponse queried = client.execute(query);
        assertThat(queried.getCode()).isEqualTo("10000");
        assertThat(queried.getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
        assertThat(queried.getTotalAmount()).isEqualTo("8.80");

        AlipayTradeCloseRequest close = new AlipayTradeCloseRequest();
        close.setBizContent("{\"out_trade_no\":\"" + request.outTradeNo() + "\"}");
        AlipayTradeCloseResponse closed = client.execute(close);
        assertThat(closed.getCode()).isEqualTo("10000");
        assertThat(client.execute(query).getTradeStatus()).isEqualTo("TRADE_CLOSED");

        query.setBizContent("{\"out_trade_no\":\"NO_SUCH_TRADE\"}");
        AlipayTradeQueryResponse missing = client.execute(query);
        assertThat(missing.getCode()).isEqualTo("40004");
        assertThat(missing.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void query_and_close_through_the_adapter() {
        TradeRequest open = request(PayWay.ALI_QR, 321);
        adapter.createTrade(channelA, open);
        assertThat(adapter.queryTrade(channelA, open.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.NOT_PAID);
                    assertThat(v.amount()).isEqualTo(321);
                });
        assertThat(adapter.closeTrade(channelA, open.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.closeTrade(channelA, "NEVER" + System.nanoTime())).isEqualTo(TradeStatus.CLOSED);

        TradeRequest paid = request(PayWay.ALI_QR, 100);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channelA, paid);
        fx.pay(accepted.payData());
        assertThat(adapter.closeTrade(channelA, paid.outTradeNo())).isEqualTo(TradeStatus.PAID);
        assertThat(adapter.queryTrade(channelA, paid.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.PAID);
                    assertThat(v.paidAt()).isNotNull();
                });
    }

    @Test
    void acknowledge_and_refuse_answer_in_alipay_format() {
        assertThat(adapter.acknowledge().getBody()).isEqualTo("success");
        assertThat(adapter.refuse("x").getStatusCode().value()).isEqualTo(400);
        assertThat(adapter.refuse("x").getBody()).isEqualTo("fail");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static TradeRequest request(PayWay payWay, long amount) {
        return ChannelFixtures.tradeRequest("ALI", payWay, amount, Map.of("buyer_id", "2088000000000099"));
    }

    private static ChannelInstance channel(String name, String accountId, String keysOf, String baseUrl) {
        return fx.alipay(name, accountId, keysOf, baseUrl,
                Set.of(PayWay.ALI_QR, PayWay.ALI_JSAPI, PayWay.ALI_WAP, PayWay.ALI_PC, PayWay.ALI_APP));
    }
}
