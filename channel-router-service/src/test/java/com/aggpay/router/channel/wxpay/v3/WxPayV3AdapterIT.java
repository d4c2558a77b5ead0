package com.aggpay.router.channel.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.ChannelFixtures;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayDataType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract test: the WeChat Pay v3 adapter (official SDK) against the channel simulator process. */
class WxPayV3AdapterIT {

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
    void every_pay_way_is_accepted_with_its_pay_data_type() {
        assertThat(adapter.createTrade(channelA, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.CODE_URL);
                    assertThat(a.payData()).startsWith("weixin://wxpay/bizpayurl?pr=");
                });
        assertThat(adapter.createTrade(channelA, request(PayWay.WX_JSAPI, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.JSAPI_PARAMS);
                    assertThat(a.payData()).contains("\"package\":\"prepay_id=wx").contains("\"paySign\"");
                });
        assertThat(adapter.createTrade(channelA, request(PayWay.WX_H5, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.PAY_URL);
                    assertThat(a.payData()).startsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx");
                });
        assertThat(adapter.createTrade(channelA, request(PayWay.WX_APP, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.APP_PARAMS);
                    assertThat(a.payData()).contains("\"prepayid\":\"wx").contains("\"partnerid\":\"" + MCH_A + "\"");
                });
    }

    @Test
    void the_same_request_again_gets_the_same_trade() {
        TradeRequest nativeRequest = request(PayWay.WX_NATIVE, 250);
        TradeOutcome first = adapter.createTrade(channelA, nativeRequest);
        assertThat(first).isInstanceOf(TradeOutcome.Accepted.class);
        assertThat(adapter.createTrade(channelA, nativeRequest)).isEqualTo(first);

        TradeRequest jsapi = request(PayWay.WX_JSAPI, 250);
        String prepay1 = prepayId(((TradeOutcome.Accepted) adapter.createTrade(channelA, jsapi)).payData());
        String prepay2 = prepayId(((TradeOutcome.Accepted) adapter.createTrade(channelA, jsapi)).payData());
        assertThat(prepay2).isEqualTo(prepay1);
    }

    @Test
    void a_paid_trade_notifies_and_the_notification_verifies() {
        TradeRequest request = request(PayWay.WX_NATIVE, 1234);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channelA, request);

        var paid = fx.pay(accepted.payData());
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("\"paid\":true");

        ChannelNotification notification = fx.awaitPayment(adapter, channelA, request.outTradeNo());
        NotifyOutcome outcome = adapter.verifyPaymentNotification(channelA, notification);
        assertThat(outcome).isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> {
            assertThat(v.outTradeNo()).isEqualTo(request.outTradeNo());
            assertThat(v.amount()).isEqualTo(1234);
            assertThat(v.currency()).isEqualTo("CNY");
            assertThat(v.accountId()).isEqualTo(MCH_A);
            assertThat(v.status()).isEqualTo(TradeStatus.PAID);
            assertThat(v.channelTradeNo()).hasSize(28).startsWith("4200");
            assertThat(v.paidAt()).isNotNull();
        });
        assertThat(paid.body()).contains(((NotifyOutcome.Verified) outcome).channelTradeNo());

        assertThat(fx.pay(accepted.payData()).statusCode()).isEqualTo(409);
        assertThat(adapter.createTrade(channelA, request)).isInstanceOf(TradeOutcome.Paid.class);
    }

    @Test
    void forged_tampered_and_foreign_notifications_are_refused() {
        TradeRequest request = request(PayWay.WX_NATIVE, 500);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channelB, request);
        fx.pay(accepted.payData());
        ChannelNotification genuine = fx.awaitPayment(adapter, channelB, request.outTradeNo());
        assertThat(adapter.verifyPaymentNotification(channelB, genuine)).isInstanceOf(NotifyOutcome.Verified.class);

        // another account's notification sent to channel A: A's keys do not verify it
        assertThat(adapter.verifyPaymentNotification(channelA, genuine)).isInstanceOf(NotifyOutcome.Refused.class);
        // signed with B's keys but claiming to be for A's channel: the signature holds, the mchid does not
        ChannelInstance aWithBKeys = channel("wxpay-a-wrong-keys", MCH_A, MCH_B, fx.baseUrl());
        assertThat(adapter.verifyPaymentNotification(aWithBKeys, genuine)).isInstanceOf(NotifyOutcome.Refused.class);

        // body altered after signing (amount inside the ciphertext re-encrypted is equally covered by the signature)
        String body = new String(genuine.body(), StandardCharsets.UTF_8);
        byte[] tampered = body.replace("\"summary\":\"", "\"summary\":\"x").getBytes(StandardCharsets.UTF_8);
        assertThat(adapter.verifyPaymentNotification(channelB, new ChannelNotification(genuine.headers(), tampered,
                genuine.contentType()))).isInstanceOf(NotifyOutcome.Refused.class);

        // re-signed with a key that is not WeChat Pay's
        Map<String, String> forgedHeaders = new HashMap<>(genuine.headers());
        forgedHeaders.put("wechatpay-signature", signWithFreshKey(genuine.header("Wechatpay-Timestamp") + "\n"
                + genuine.header("Wechatpay-Nonce") + "\n" + body + "\n"));
        assertThat(adapter.verifyPaymentNotification(channelB, new ChannelNotification(forgedHeaders, genuine.body(),
                genuine.contentType()))).isInstanceOf(NotifyOutcome.Refused.class);
    }

    @Test
    void down_answers_503_and_is_unknown() {
        fx.setFault(MCH_A, "DOWN", 1.0, 0);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        assertThat(adapter.createTrade(channelA, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("HTTP_503"));
        assertThat(adapter.closeTrade(channelA, request.outTradeNo())).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(fx.ledger(MCH_A)).doesNotContain(request.outTradeNo());
    }

    @Test
    void error_5xx_is_unknown_and_the_trade_exists_upstream() {
        fx.setFault(MCH_A, "ERROR_5XX", 1.0, 0);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        assertThat(adapter.createTrade(channelA, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("SYSTEM_ERROR"));
        assertThat(fx.ledger(MCH_A)).contains(request.outTradeNo());
    }

    @Test
    void timeout_after_accept_is_unknown_within_the_read_timeout() {
        fx.setFault(MCH_A, "TIMEOUT_AFTER_ACCEPT", 1.0, 0);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        long started = System.nanoTime();
        assertThat(adapter.createTrade(channelA, request)).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(fx.ledger(MCH_A)).contains(request.outTradeNo());
    }

    @Test
    void a_bad_response_signature_is_unknown() {
        fx.setFault(MCH_A, "BAD_SIGNATURE", 1.0, 0);
        assertThat(adapter.createTrade(channelA, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                        u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
    }

    @Test
    void slow_within_the_read_timeout_is_still_accepted() {
        fx.setFault(MCH_A, "SLOW", 1.0, 500);
        assertThat(adapter.createTrade(channelA, request(PayWay.WX_NATIVE, 100))).isInstanceOf(TradeOutcome.Accepted.class);
    }

    @Test
    void connection_refused_is_a_definite_rejection() {
        ChannelInstance nowhere = channel("wxpay-nowhere", MCH_A, MCH_A, ChannelFixtures.closedPortUrl());
        assertThat(adapter.createTrade(nowhere, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                        r -> assertThat(r.channelCode()).isEqualTo("CONNECT_FAILED"));
    }

    @Test
    void parameter_errors_and_wrong_merchant_keys_are_rejections() {
        TradeRequest noSubject = new TradeRequest("T" + System.nanoTime(), PayWay.WX_NATIVE, 100, "CNY", "", null,
                "127.0.0.1", null, Map.of());
        assertThat(adapter.createTrade(channelA, noSubject)).isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                r -> assertThat(r.channelCode()).isEqualTo("PARAM_ERROR"));
        ChannelInstance aWithBKeys = channel("wxpay-a-wrong-keys", MCH_A, MCH_B, fx.baseUrl());
        assertThat(adapter.createTrade(aWithBKeys, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class, r -> assertThat(r.channelCode()).isEqualTo("SIGN_ERROR"));
    }

    @Test
    void drop_notify_sends_nothing_and_duplicate_notify_sends_twice() {
        fx.setFault(MCH_A, "DROP_NOTIFY", 1.0, 0);
        TradeRequest dropped = request(PayWay.WX_NATIVE, 100);
        fx.pay(payData(dropped));
        assertThat(fx.findPayment(adapter, channelA, dropped.outTradeNo(), Duration.ofSeconds(2))).isNull();

        fx.clearFaults();
        fx.setFault(MCH_A, "DUPLICATE_NOTIFY", 1.0, 0);
        TradeRequest twice = request(PayWay.WX_NATIVE, 100);
        fx.pay(payData(twice));
        assertThat(fx.awaitPayment(adapter, channelA, twice.outTradeNo())).isNotNull();
        assertThat(fx.awaitPayment(adapter, channelA, twice.outTradeNo())).isNotNull();
    }

    @Test
    void a_refused_notification_is_sent_again() {
        fx.receiver().failNext(1);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        fx.pay(payData(request));
        assertThat(fx.awaitPayment(adapter, channelA, request.outTradeNo())).isNotNull();
        assertThat(fx.awaitPayment(adapter, channelA, request.outTradeNo())).isNotNull();
    }

    @Test
    void query_and_close_go_through_the_official_sdk() {
        TradeRequest open = request(PayWay.WX_JSAPI, 321);
        adapter.createTrade(channelA, open);
        assertThat(adapter.queryTrade(channelA, open.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.NOT_PAID);
                    assertThat(v.amount()).isEqualTo(321);
                });
        assertThat(adapter.closeTrade(channelA, open.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.queryTrade(channelA, open.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> assertThat(v.status()).isEqualTo(TradeStatus.CLOSED));
        assertThat(adapter.closeTrade(channelA, "NEVER" + System.nanoTime())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.queryTrade(channelA, "NEVER" + System.nanoTime())).isEqualTo(new NotifyOutcome.Refused("ORDER_NOT_EXIST"));

        TradeRequest paid = request(PayWay.WX_NATIVE, 100);
        fx.pay(payData(paid));
        assertThat(adapter.closeTrade(channelA, paid.outTradeNo())).isEqualTo(TradeStatus.PAID);
        assertThat(adapter.queryTrade(channelA, paid.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> assertThat(v.status()).isEqualTo(TradeStatus.PAID));
    }

    @Test
    void acknowledge_and_refuse_answer_in_the_v3_format() {
        assertThat(adapter.acknowledge().getStatusCode().value()).isEqualTo(204);
        assertThat(adapter.refuse("no").getStatusCode().value()).isEqualTo(400);
        assertThat(adapter.refuse("no").getBody()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"no\"}");
        assertThat(adapter.retryLater("no").getStatusCode().value()).isEqualTo(503);
        assertThat(adapter.retryLater("no").getBody()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"no\"}");
    }

    // ---------------------------------------------------------------------------------------------------------

    private String payData(TradeRequest request) {
        return ((TradeOutcome.Accepted) adapter.createTrade(channelA, request)).payData();
    }

    private static TradeRequest request(PayWay payWay, long amount) {
        return ChannelFixtures.tradeRequest("WX", payWay, amount, Map.of("openid", "oTest" + System.nanoTime()));
    }

    private static String prepayId(String payData) {
        Matcher m = Pattern.compile("prepay_id=(wx[0-9A-Za-z]+)").matcher(payData);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String signWithFreshKey(String message) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A channel for {@code accountId} using the key files of {@code keysOf} (the same unless a test forges). */
    private static ChannelInstance channel(String name, String accountId, String keysOf, String baseUrl) {
        return fx.wxpayV3(name, accountId, keysOf, baseUrl,
                Set.of(PayWay.WX_NATIVE, PayWay.WX_JSAPI, PayWay.WX_H5, PayWay.WX_APP));
    }
}
