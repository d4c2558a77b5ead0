package com.aggpay.router.channel.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.ChannelBill;
import com.aggpay.router.channel.ChannelFixtures;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayDataType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract test: the hand-written WeChat Pay v2 adapter against the channel simulator process. */
class WxPayV2AdapterIT {

    private static final String MCH = "1900000003";
    private static final String APPID = "wx0000000000000003";
    private static final String SUCCESS = "<xml><return_code><![CDATA[SUCCESS]]></return_code>"
            + "<return_msg><![CDATA[OK]]></return_msg></xml>";

    @RegisterExtension
    static final ChannelFixtures fx = ChannelFixtures.withReceiver(200, SUCCESS);

    private static ChannelInstance channel;
    private static String apiKey;
    private static final WxPayV2Adapter adapter = new WxPayV2Adapter(Duration.ofSeconds(1), Duration.ofSeconds(2));

    @BeforeAll
    static void buildChannels() {
        apiKey = fx.wxpayV2ApiKey(MCH);
        channel = channel("wxpay-v2", MCH, apiKey, "HMAC-SHA256", fx.baseUrl());
    }

    @Test
    void every_pay_way_is_accepted_with_its_pay_data_type() {
        assertThat(adapter.createTrade(channel, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.CODE_URL);
                    assertThat(a.payData()).startsWith("weixin://wxpay/bizpayurl?pr=wx");
                });
        assertThat(adapter.createTrade(channel, request(PayWay.WX_JSAPI, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.JSAPI_PARAMS);
                    assertThat(a.payData()).contains("\"appId\":\"" + APPID + "\"")
                            .contains("\"package\":\"prepay_id=wx").contains("\"signType\":\"HMAC-SHA256\"")
                            .contains("\"paySign\"");
                });
        assertThat(adapter.createTrade(channel, request(PayWay.WX_H5, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.PAY_URL);
                    assertThat(a.payData()).startsWith("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx");
                });
        assertThat(adapter.createTrade(channel, request(PayWay.WX_APP, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
                    assertThat(a.payDataType()).isEqualTo(PayDataType.APP_PARAMS);
                    assertThat(a.payData()).contains("\"partnerid\":\"" + MCH + "\"").contains("\"prepayid\":\"wx")
                            .contains("\"package\":\"Sign=WXPay\"").contains("\"sign\"");
                });
    }

    @Test
    void an_md5_channel_works_the_same_way() {
        ChannelInstance md5 = channel("wxpay-v2-md5", MCH, apiKey, "MD5", fx.baseUrl());
        TradeRequest request = request(PayWay.WX_NATIVE, 150);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(md5, request);
        pay(accepted.payData());
        assertThat(adapter.verifyPaymentNotification(md5, fx.awaitPayment(adapter, md5, request.outTradeNo())))
                .isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> assertThat(v.amount()).isEqualTo(150));
    }

    @Test
    void the_same_trade_asked_again_gets_the_same_pay_data_and_other_parameters_are_unknown() {
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        TradeOutcome first = adapter.createTrade(channel, request);
        assertThat(adapter.createTrade(channel, request)).isEqualTo(first);
        TradeRequest changed = new TradeRequest(request.outTradeNo(), PayWay.WX_NATIVE, 101, "CNY", "Latte", null,
                "203.0.113.7", request.expiresAt(), Map.of());
        assertThat(adapter.createTrade(channel, changed)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("OUT_TRADE_NO_USED"));
    }

    @Test
    void a_paid_trade_notifies_once_verified_and_asking_for_it_again_says_paid() {
        TradeRequest request = request(PayWay.WX_JSAPI, 1234);
        TradeOutcome.Accepted accepted = (TradeOutcome.Accepted) adapter.createTrade(channel, request);
        pay(accepted.payData());
        ChannelNotification notification = fx.awaitPayment(adapter, channel, request.outTradeNo());
        assertThat(adapter.verifyPaymentNotification(channel, notification))
                .isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> {
                    assertThat(v.outTradeNo()).isEqualTo(request.outTradeNo());
                    assertThat(v.accountId()).isEqualTo(MCH);
                    assertThat(v.amount()).isEqualTo(1234);
                    assertThat(v.currency()).isEqualTo("CNY");
                    assertThat(v.status()).isEqualTo(TradeStatus.PAID);
                    assertThat(v.channelTradeNo()).hasSize(28).startsWith("4200");
                    assertThat(v.paidAt()).isNotNull();
                });
        assertThat(adapter.createTrade(channel, request)).isEqualTo(new TradeOutcome.Paid("ORDERPAID"));
    }

    @Test
    void paying_by_trade_number_works_and_the_ledger_lists_v2_trades() {
        TradeRequest request = request(PayWay.WX_APP, 300);
        adapter.createTrade(channel, request);
        assertThat(fx.payByTradeNo(MCH, request.outTradeNo()).statusCode()).isEqualTo(200);
        assertThat(fx.ledgerOf(MCH, request.outTradeNo())).contains("\"state\":\"PAID\"");
    }

    @Test
    void query_and_close_follow_the_trade() {
        TradeRequest open = request(PayWay.WX_H5, 321);
        adapter.createTrade(channel, open);
        assertThat(adapter.queryTrade(channel, open.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.NOT_PAID);
                    assertThat(v.amount()).isEqualTo(321);
                });
        assertThat(adapter.closeTrade(channel, open.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.closeTrade(channel, open.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.queryTrade(channel, open.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> assertThat(v.status()).isEqualTo(TradeStatus.CLOSED));
        assertThat(adapter.createTrade(channel, open)).isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                r -> assertThat(r.channelCode()).isEqualTo("ORDERCLOSED"));
        assertThat(adapter.closeTrade(channel, "NEVER" + System.nanoTime())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.queryTrade(channel, "NEVER" + System.nanoTime()))
                .isEqualTo(new NotifyOutcome.Refused("ORDER_NOT_EXIST"));

        TradeRequest paid = request(PayWay.WX_NATIVE, 100);
        pay(payData(paid));
        assertThat(adapter.closeTrade(channel, paid.outTradeNo())).isEqualTo(TradeStatus.PAID);
        assertThat(adapter.queryTrade(channel, paid.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> assertThat(v.status()).isEqualTo(TradeStatus.PAID));
    }

    @Test
    void a_refund_is_processing_then_succeeds_by_query_and_by_encrypted_notification() {
        TradeRequest request = request(PayWay.WX_NATIVE, 1000);
        pay(payData(request));
        String outRefundNo = "RF" + System.nanoTime();
        RefundRequest refund = new RefundRequest(request.outTradeNo(), outRefundNo, 400, 1000, "CNY", "too sweet");
        assertThat(adapter.refund(channel, refund)).isInstanceOf(RefundOutcome.Processing.class);
        assertThat(adapter.refund(channel, refund)).as("same refund number again: no second refund")
                .isInstanceOf(RefundOutcome.Processing.class);
        assertThat(adapter.queryRefund(channel, request.outTradeNo(), outRefundNo))
                .isInstanceOfSatisfying(RefundOutcome.Succeeded.class, s -> assertThat(s.amount()).isEqualTo(400));
        assertThat(fx.ledgerOf(MCH, request.outTradeNo())).contains("\"refunded_amount\":400");

        ChannelNotification notice = fx.awaitRefund(adapter, channel, outRefundNo);
        assertThat(adapter.verifyRefundNotification(channel, notice))
                .isInstanceOfSatisfying(RefundNotifyOutcome.Verified.class, v -> {
                    assertThat(v.outTradeNo()).isEqualTo(request.outTradeNo());
                    assertThat(v.accountId()).isEqualTo(MCH);
                    assertThat(v.amount()).isEqualTo(400);
                    assertThat(v.succeeded()).isTrue();
                });
        ChannelInstance otherKey = channel("wxpay-v2", MCH, "x".repeat(32), "HMAC-SHA256", fx.baseUrl());
        assertThat(adapter.verifyRefundNotification(otherKey, notice)).isInstanceOf(RefundNotifyOutcome.Refused.class);

        assertThat(adapter.refund(channel, new RefundRequest(request.outTradeNo(), "RF" + System.nanoTime(), 700, 1000,
                "CNY", null))).as("more than is left").isInstanceOf(RefundOutcome.Failed.class);
        assertThat(adapter.queryRefund(channel, request.outTradeNo(), "NEVER" + System.nanoTime()))
                .isInstanceOf(RefundOutcome.Failed.class);
    }

    @Test
    void the_bill_of_the_day_lists_payments_and_refunds() {
        TradeRequest request = request(PayWay.WX_NATIVE, 2000);
        pay(payData(request));
        String outRefundNo = "RF" + System.nanoTime();
        adapter.refund(channel, new RefundRequest(request.outTradeNo(), outRefundNo, 500, 2000, "CNY", null));
        ChannelBill bill = adapter.downloadBill(channel, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(ChannelBill.Kind.PAYMENT);
            assertThat(l.outTradeNo()).isEqualTo(request.outTradeNo());
            assertThat(l.amount()).isEqualTo(2000);
            assertThat(l.fee()).isEqualTo(12);
        });
        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(ChannelBill.Kind.REFUND);
            assertThat(l.outRefundNo()).isEqualTo(outRefundNo);
            assertThat(l.amount()).isEqualTo(500);
        });
        assertThat(adapter.downloadBill(channel, LocalDate.of(2001, 1, 1)).lines()).isEmpty();
    }

    @Test
    void down_answers_503_is_unknown_and_creates_nothing() {
        fx.setFault(MCH, "DOWN", 1.0, 0);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("HTTP_503"));
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOf(NotifyOutcome.Refused.class);
        assertThat(fx.ledger(MCH)).doesNotContain(request.outTradeNo());
    }

    @Test
    void error_5xx_is_unknown_and_the_trade_exists_upstream() {
        fx.setFault(MCH, "ERROR_5XX", 1.0, 0);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("HTTP_500"));
        assertThat(fx.ledger(MCH)).contains(request.outTradeNo());
    }

    @Test
    void timeout_after_accept_is_unknown_within_the_read_timeout_and_the_trade_can_be_closed() {
        fx.setFault(MCH, "TIMEOUT_AFTER_ACCEPT", 1.0, 0);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        long started = System.nanoTime();
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("READ_TIMEOUT"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(fx.ledger(MCH)).contains(request.outTradeNo());
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void a_bad_response_signature_is_unknown_and_a_badly_signed_notification_is_refused() {
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        String payData = payData(request);
        fx.setFault(MCH, "BAD_SIGNATURE", 1.0, 0);
        assertThat(adapter.createTrade(channel, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                        u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
        assertThat(adapter.queryTrade(channel, request.outTradeNo()))
                .isEqualTo(new NotifyOutcome.Refused("RESPONSE_SIGNATURE_INVALID"));
        pay(payData);
        ChannelNotification badlySigned = fx.await(n -> new String(n.body(), StandardCharsets.UTF_8)
                .contains(request.outTradeNo()), "the badly signed notification");
        assertThat(adapter.verifyPaymentNotification(channel, badlySigned))
                .isEqualTo(new NotifyOutcome.Refused("NOTIFY_SIGNATURE_INVALID"));
    }

    @Test
    void slow_within_the_read_timeout_is_still_accepted() {
        fx.setFault(MCH, "SLOW", 1.0, 500);
        assertThat(adapter.createTrade(channel, request(PayWay.WX_NATIVE, 100))).isInstanceOf(TradeOutcome.Accepted.class);
    }

    @Test
    void connection_refused_is_a_definite_rejection() {
        ChannelInstance nowhere = channel("wxpay-v2-nowhere", MCH, apiKey, "HMAC-SHA256", ChannelFixtures.closedPortUrl());
        assertThat(adapter.createTrade(nowhere, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                        r -> assertThat(r.channelCode()).isEqualTo("CONNECT_FAILED"));
    }

    @Test
    void parameter_errors_a_wrong_key_and_a_wrong_appid_are_rejections() {
        TradeRequest noSubject = new TradeRequest("T" + System.nanoTime(), PayWay.WX_NATIVE, 100, "CNY", "", null,
                "127.0.0.1", null, Map.of());
        assertThat(adapter.createTrade(channel, noSubject)).isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                r -> assertThat(r.channelCode()).isEqualTo("PARAM_ERROR"));
        ChannelInstance wrongKey = channel("wxpay-v2", MCH, "y".repeat(32), "HMAC-SHA256", fx.baseUrl());
        assertThat(adapter.createTrade(wrongKey, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class, r -> assertThat(r.channelCode()).isEqualTo("SIGNERROR"));
        Map<String, String> otherAppid = new LinkedHashMap<>(channel.credentials());
        otherAppid.put("appid", "wx0000000000000001");
        ChannelInstance wrongAppid = new ChannelInstance("wxpay-v2", ChannelType.WXPAY_V2, MCH, channel.payWays(), true,
                fx.baseUrl(), channel.notifyUrl(), otherAppid);
        assertThat(adapter.createTrade(wrongAppid, request(PayWay.WX_NATIVE, 100)))
                .isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                        r -> assertThat(r.channelCode()).isEqualTo("APPID_MCHID_NOT_MATCH"));
        TradeRequest noOpenid = new TradeRequest("T" + System.nanoTime(), PayWay.WX_JSAPI, 100, "CNY", "Latte", null,
                "127.0.0.1", null, Map.of());
        assertThat(adapter.createTrade(channel, noOpenid)).isInstanceOf(TradeOutcome.Rejected.class);
    }

    @Test
    void forged_tampered_and_other_account_notifications_are_refused() {
        TradeRequest request = request(PayWay.WX_NATIVE, 500);
        pay(payData(request));
        ChannelNotification genuine = fx.awaitPayment(adapter, channel, request.outTradeNo());
        String body = new String(genuine.body(), StandardCharsets.UTF_8);

        String tampered = body.replace("<total_fee><![CDATA[500]]></total_fee>", "<total_fee><![CDATA[1]]></total_fee>");
        assertThat(tampered).isNotEqualTo(body);
        assertThat(adapter.verifyPaymentNotification(channel, notification(tampered)))
                .isEqualTo(new NotifyOutcome.Refused("NOTIFY_SIGNATURE_INVALID"));

        // signed correctly, but for a merchant this channel is not
        ChannelInstance other = channel("wxpay-v2-other", "1900000099", apiKey, "HMAC-SHA256", fx.baseUrl());
        assertThat(adapter.verifyPaymentNotification(other, genuine))
                .isEqualTo(new NotifyOutcome.Refused("NOTIFY_ACCOUNT_MISMATCH"));

        // a notification for a trade that never existed, signed by someone without the API key
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("return_code", "SUCCESS");
        forged.put("result_code", "SUCCESS");
        forged.put("appid", APPID);
        forged.put("mch_id", MCH);
        forged.put("out_trade_no", "NEVER" + System.nanoTime());
        forged.put("transaction_id", "4200000000000000000000000000");
        forged.put("total_fee", "1");
        forged.put("time_end", "20261126101500");
        forged.put("nonce_str", "abc");
        forged.put("sign", WxV2Signer.sign(forged, "z".repeat(32), "HMAC-SHA256"));
        assertThat(adapter.verifyPaymentNotification(channel, notification(WxV2Xml.write(forged))))
                .isEqualTo(new NotifyOutcome.Refused("NOTIFY_SIGNATURE_INVALID"));

        // a downgrade to MD5 is refused even when the MD5 sign is right: the channel's sign_type decides
        forged.put("sign_type", "MD5");
        forged.put("sign", WxV2Signer.sign(forged, apiKey, "MD5"));
        assertThat(adapter.verifyPaymentNotification(channel, notification(WxV2Xml.write(forged))))
                .isEqualTo(new NotifyOutcome.Refused("NOTIFY_SIGN_TYPE_UNEXPECTED"));
    }

    @Test
    void drop_notify_sends_nothing_and_duplicate_notify_sends_the_same_notification_twice() {
        fx.setFault(MCH, "DROP_NOTIFY", 1.0, 0);
        TradeRequest dropped = request(PayWay.WX_NATIVE, 100);
        pay(payData(dropped));
        assertThat(fx.findPayment(adapter, channel, dropped.outTradeNo(), Duration.ofSeconds(2))).isNull();

        fx.clearFaults();
        fx.setFault(MCH, "DUPLICATE_NOTIFY", 1.0, 0);
        TradeRequest twice = request(PayWay.WX_NATIVE, 100);
        pay(payData(twice));
        NotifyOutcome first = adapter.verifyPaymentNotification(channel, fx.awaitPayment(adapter, channel, twice.outTradeNo()));
        NotifyOutcome second = adapter.verifyPaymentNotification(channel, fx.awaitPayment(adapter, channel, twice.outTradeNo()));
        assertThat(second).as("a duplicate verifies to the same statement; the order side applies it once")
                .isEqualTo(first);
    }

    @Test
    void a_refused_notification_is_sent_again() {
        fx.receiver().failNext(1);
        TradeRequest request = request(PayWay.WX_NATIVE, 100);
        pay(payData(request));
        assertThat(fx.awaitPayment(adapter, channel, request.outTradeNo())).isNotNull();
        assertThat(fx.awaitPayment(adapter, channel, request.outTradeNo())).isNotNull();
    }

    @Test
    void acknowledge_and_refuse_answer_in_the_v2_format() {
        assertThat(adapter.acknowledge().getStatusCode().value()).isEqualTo(200);
        assertThat(adapter.acknowledge().getBody()).isEqualTo(SUCCESS);
        assertThat(adapter.acknowledge().getHeaders().getContentType().toString()).isEqualTo("application/xml");
        assertThat(adapter.refuse("no").getStatusCode().value()).isEqualTo(400);
        assertThat(adapter.refuse("no").getBody())
                .isEqualTo("<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[no]]></return_msg></xml>");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void pay(String payData) {
        assertThat(fx.pay(payData).statusCode()).isEqualTo(200);
    }

    private static String payData(TradeRequest request) {
        return ((TradeOutcome.Accepted) adapter.createTrade(channel, request)).payData();
    }

    private static TradeRequest request(PayWay payWay, long amount) {
        return ChannelFixtures.tradeRequest("V2", payWay, amount, Map.of("openid", "oTest" + System.nanoTime()));
    }

    private static ChannelNotification notification(String body) {
        return new ChannelNotification(Map.of("content-type", "text/xml"), body.getBytes(StandardCharsets.UTF_8),
                "text/xml");
    }

    private static ChannelInstance channel(String name, String accountId, String key, String signType, String baseUrl) {
        return fx.wxpayV2(name, accountId, APPID, key, signType, baseUrl);
    }
}
