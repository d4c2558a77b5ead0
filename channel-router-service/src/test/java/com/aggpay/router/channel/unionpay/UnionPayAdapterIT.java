package com.aggpay.router.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.aggpay.router.callback.HandleChannelCallback;
import com.aggpay.router.callback.OrderServiceClient;
import com.aggpay.router.channel.ChannelAdapters;
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
import com.aggpay.router.store.ChannelInstances;
import feign.FeignException;
import feign.Request;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract test: the hand-written UnionPay QR adapter against the channel simulator process. */
class UnionPayAdapterIT {

    private static final String MER = "777290058110001";

    @RegisterExtension
    static final ChannelFixtures fx = ChannelFixtures.withReceiver(200, "ok");

    private static ChannelInstance channel;
    private static final UnionPayAdapter adapter = new UnionPayAdapter(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Clock.systemUTC());

    @BeforeAll
    static void buildChannels() {
        channel = channel("unionpay-a", MER, fx.baseUrl(), fx.key(keyDir() + "unionpay_public.pem"));
    }

    @Test
    void a_qr_code_is_applied_for_and_the_same_request_again_gets_the_same_code() {
        TradeRequest request = request(100);
        TradeOutcome first = adapter.createTrade(channel, request);
        assertThat(first).isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
            assertThat(a.payDataType()).isEqualTo(PayDataType.CODE_URL);
            assertThat(a.payData()).startsWith("https://qr.95516.com/00010000/01");
        });
        assertThat(adapter.createTrade(channel, request)).isEqualTo(first);
    }

    @Test
    void the_same_order_number_with_other_parameters_is_a_duplicate_whose_outcome_is_unknown() {
        TradeRequest request = request(100);
        adapter.createTrade(channel, request);
        TradeRequest other = new TradeRequest(request.outTradeNo(), PayWay.UP_QR, 101, "CNY", "Latte", null, null,
                request.expiresAt(), Map.of());
        assertThat(adapter.createTrade(channel, other)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("12"));
    }

    @Test
    void a_paid_qr_notifies_the_paid_amount_and_applying_again_says_paid() {
        TradeRequest request = request(1234);
        String qrCode = payData(request);

        var paid = fx.pay(qrCode);
        assertThat(paid.statusCode()).isEqualTo(200);

        ChannelNotification notification = fx.awaitPayment(adapter, channel, request.outTradeNo());
        assertThat(notification.header(":path")).isEqualTo("/api/v1/channel-notify/unionpay-a");
        assertThat(notification.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(adapter.verifyPaymentNotification(channel, notification))
                .isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> {
                    assertThat(v.outTradeNo()).isEqualTo(request.outTradeNo());
                    assertThat(v.amount()).isEqualTo(1234);
                    assertThat(v.currency()).isEqualTo("CNY");
                    assertThat(v.accountId()).isEqualTo(MER);
                    assertThat(v.status()).isEqualTo(TradeStatus.PAID);
                    assertThat(v.channelTradeNo()).hasSize(21);
                    assertThat(paid.body()).contains(v.channelTradeNo());
                    assertThat(v.paidAt()).isBetween(OffsetDateTime.now().minusMinutes(1),
                            OffsetDateTime.now().plusMinutes(1));
                });

        assertThat(fx.pay(qrCode).statusCode()).isEqualTo(409);
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Paid.class,
                p -> assertThat(p.channelCode()).isEqualTo("12"));
    }

    @Test
    void a_wallet_consumption_gets_a_tn_is_paid_through_it_notifies_and_queries_paid() throws Exception {
        TradeRequest request = walletRequest(1234);
        TradeOutcome created = adapter.createTrade(channel, request);
        assertThat(created).isInstanceOfSatisfying(TradeOutcome.Accepted.class, a -> {
            assertThat(a.payDataType()).isEqualTo(PayDataType.JSAPI_PARAMS);
            assertThat(a.payData()).matches("\\{\"tn\":\"[0-9]{21}\"}");
        });
        assertThat(adapter.createTrade(channel, request)).as("the identical request again").isEqualTo(created);
        String payData = ((TradeOutcome.Accepted) created).payData();
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOfSatisfying(
                NotifyOutcome.Verified.class, v -> assertThat(v.status()).isEqualTo(TradeStatus.NOT_PAID));

        var paid = fx.pay(payData);
        assertThat(paid.statusCode()).isEqualTo(200);

        ChannelNotification notification = fx.awaitPayment(adapter, channel, request.outTradeNo());
        assertThat(notification.header(":path")).isEqualTo("/api/v1/channel-notify/unionpay-a");
        Map<String, String> fields = UpForm.decode(new String(notification.body(), StandardCharsets.UTF_8));
        assertThat(fields).containsEntry("txnType", "01").containsEntry("txnSubType", "01");
        assertThat(adapter.verifyPaymentNotification(channel, notification))
                .isInstanceOfSatisfying(NotifyOutcome.Verified.class, v -> {
                    assertThat(v.outTradeNo()).isEqualTo(request.outTradeNo());
                    assertThat(v.amount()).isEqualTo(1234);
                    assertThat(v.currency()).isEqualTo("CNY");
                    assertThat(v.status()).isEqualTo(TradeStatus.PAID);
                    assertThat(v.channelTradeNo()).hasSize(21).isNotEqualTo(payData.substring(7, 28));
                    assertThat(paid.body()).contains(v.channelTradeNo());
                });
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOfSatisfying(
                NotifyOutcome.Verified.class, v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.PAID);
                    assertThat(v.amount()).isEqualTo(1234);
                });
        assertThat(fx.pay(payData).statusCode()).isEqualTo(409);
        assertThat(adapter.createTrade(channel, request)).isInstanceOf(TradeOutcome.Paid.class);
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.PAID);
    }

    @Test
    void an_unpaid_wallet_consumption_is_closed_by_cancelling_it_and_can_no_longer_be_paid() {
        TradeRequest request = walletRequest(200);
        TradeOutcome created = adapter.createTrade(channel, request);
        assertThat(created).isInstanceOf(TradeOutcome.Accepted.class);
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOfSatisfying(
                NotifyOutcome.Verified.class, v -> assertThat(v.status()).isEqualTo(TradeStatus.CLOSED));
        assertThat(fx.pay(((TradeOutcome.Accepted) created).payData()).statusCode()).isEqualTo(409);
    }

    @Test
    void a_wallet_consumption_without_the_payers_user_id_is_refused_before_anything_is_sent() {
        TradeRequest request = ChannelFixtures.tradeRequest("UPJ", PayWay.UP_JSAPI, 100, Map.of());
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                r -> assertThat(r.channelCode()).isEqualTo("13"));
        assertThat(adapter.createTrade(channel, ChannelFixtures.tradeRequest("UPJ", PayWay.UP_JSAPI, 100,
                Map.of("user_id", " ")))).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(fx.ledger(MER)).doesNotContain(request.outTradeNo());
    }

    @Test
    void a_badly_signed_answer_to_a_wallet_consumption_is_unknown() {
        fx.setFault(MER, "BAD_SIGNATURE", 1.0, 0);
        assertThat(adapter.createTrade(channel, walletRequest(100))).isInstanceOfSatisfying(
                TradeOutcome.Unknown.class, u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
    }

    @Test
    void a_trade_is_payable_by_order_number_and_account_and_the_ledger_lists_it() {
        TradeRequest request = request(300);
        payData(request);
        var paid = fx.payByTradeNo(MER, request.outTradeNo());
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(fx.ledgerOf(MER, request.outTradeNo())).contains("\"state\":\"PAID\"");
        assertThat(fx.awaitPayment(adapter, channel, request.outTradeNo())).isNotNull();
    }

    @Test
    void a_query_says_not_paid_then_paid_and_an_unknown_order_does_not_exist() {
        TradeRequest request = request(321);
        String qrCode = payData(request);
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.NOT_PAID);
                    assertThat(v.amount()).isEqualTo(321);
                });
        fx.pay(qrCode);
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOfSatisfying(NotifyOutcome.Verified.class,
                v -> {
                    assertThat(v.status()).isEqualTo(TradeStatus.PAID);
                    assertThat(v.paidAt()).isNotNull();
                });
        assertThat(adapter.queryTrade(channel, "NEVER" + System.nanoTime()))
                .isEqualTo(new NotifyOutcome.Refused("ORDER_NOT_EXIST"));
    }

    @Test
    void closing_cancels_an_unpaid_qr_so_it_can_no_longer_be_paid() {
        TradeRequest request = request(200);
        String qrCode = payData(request);
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOfSatisfying(
                NotifyOutcome.Verified.class, v -> assertThat(v.status()).isEqualTo(TradeStatus.CLOSED));
        assertThat(fx.pay(qrCode).statusCode()).isEqualTo(409);
        assertThat(adapter.createTrade(channel, request)).isInstanceOf(TradeOutcome.Unknown.class);

        assertThat(adapter.closeTrade(channel, "NEVER" + System.nanoTime())).isEqualTo(TradeStatus.CLOSED);

        TradeRequest paid = request(100);
        fx.pay(payData(paid));
        assertThat(adapter.closeTrade(channel, paid.outTradeNo())).isEqualTo(TradeStatus.PAID);
    }

    @Test
    void a_refund_is_processing_then_succeeded_by_query_and_by_notification() {
        TradeRequest request = request(1000);
        fx.pay(payData(request));
        RefundRequest refund = new RefundRequest(request.outTradeNo(), "R" + request.outTradeNo(), 400, 1000, "CNY",
                "too cold");

        assertThat(adapter.refund(channel, refund)).isInstanceOfSatisfying(RefundOutcome.Processing.class,
                p -> assertThat(p.channelRefundNo()).hasSize(21));
        assertThat(adapter.refund(channel, refund)).isInstanceOf(RefundOutcome.Processing.class);
        assertThat(adapter.queryRefund(channel, request.outTradeNo(), refund.outRefundNo()))
                .isInstanceOfSatisfying(RefundOutcome.Succeeded.class, s -> {
                    assertThat(s.amount()).isEqualTo(400);
                    assertThat(s.succeededAt()).isNotNull();
                });

        ChannelNotification notification = fx.awaitRefund(adapter, channel, refund.outRefundNo());
        assertThat(notification.header(":path")).isEqualTo("/api/v1/channel-notify/unionpay-a/refund");
        assertThat(adapter.verifyRefundNotification(channel, notification))
                .isInstanceOfSatisfying(RefundNotifyOutcome.Verified.class, v -> {
                    assertThat(v.outTradeNo()).isEqualTo(request.outTradeNo());
                    assertThat(v.outRefundNo()).isEqualTo(refund.outRefundNo());
                    assertThat(v.amount()).isEqualTo(400);
                    assertThat(v.accountId()).isEqualTo(MER);
                    assertThat(v.succeeded()).isTrue();
                });
        assertThat(adapter.verifyPaymentNotification(channel, notification)).isInstanceOf(NotifyOutcome.Refused.class);
        assertThat(fx.ledgerOf(MER, request.outTradeNo())).contains("\"refunded_amount\":400");
    }

    @Test
    void refunds_beyond_the_paid_amount_or_of_unpaid_trades_fail() {
        TradeRequest request = request(500);
        fx.pay(payData(request));
        assertThat(adapter.refund(channel, new RefundRequest(request.outTradeNo(), "R1" + request.outTradeNo(), 501,
                500, "CNY", null))).isInstanceOfSatisfying(RefundOutcome.Failed.class,
                f -> assertThat(f.channelCode()).isEqualTo("33"));

        TradeRequest unpaid = request(500);
        payData(unpaid);
        assertThat(adapter.refund(channel, new RefundRequest(unpaid.outTradeNo(), "R2" + unpaid.outTradeNo(), 100,
                500, "CNY", null))).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(adapter.queryRefund(channel, unpaid.outTradeNo(), "R2" + unpaid.outTradeNo()))
                .isInstanceOf(RefundOutcome.Failed.class);
    }

    @Test
    void the_bill_lists_the_days_payments_and_refunds() {
        TradeRequest request = request(2000);
        fx.pay(payData(request));
        String refundNo = "RB" + request.outTradeNo();
        adapter.refund(channel, new RefundRequest(request.outTradeNo(), refundNo, 500, 2000, "CNY", null));
        String injected = "INJ" + System.nanoTime();
        assertThat(fx.inject(MER, injected, 700)).isEqualTo(201);

        ChannelBill bill = adapter.downloadBill(channel, LocalDate.now(UpMapper.CHINA));
        assertThat(bill.channel()).isEqualTo("unionpay-a");
        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(ChannelBill.Kind.PAYMENT);
            assertThat(l.outTradeNo()).isEqualTo(request.outTradeNo());
            assertThat(l.amount()).isEqualTo(2000);
            assertThat(l.fee()).isEqualTo(12);
        });
        assertThat(bill.lines()).anySatisfy(l -> {
            assertThat(l.kind()).isEqualTo(ChannelBill.Kind.REFUND);
            assertThat(l.outTradeNo()).isEqualTo(request.outTradeNo());
            assertThat(l.outRefundNo()).isEqualTo(refundNo);
            assertThat(l.amount()).isEqualTo(500);
        });
        assertThat(bill.lines()).anySatisfy(l -> assertThat(l.outTradeNo()).isEqualTo(injected));
        assertThat(adapter.downloadBill(channel, LocalDate.now(UpMapper.CHINA).minusDays(40)).lines()).isEmpty();
    }

    @Test
    void down_answers_503_creates_nothing_and_is_unknown() {
        fx.setFault(MER, "DOWN", 1.0, 0);
        TradeRequest request = request(100);
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("HTTP_503"));
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOf(NotifyOutcome.Refused.class);
        fx.clearFaults();
        assertThat(fx.ledger(MER)).doesNotContain(request.outTradeNo());
    }

    @Test
    void error_5xx_is_unknown_and_the_trade_exists_upstream() {
        fx.setFault(MER, "ERROR_5XX", 1.0, 0);
        TradeRequest request = request(100);
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("HTTP_500"));
        assertThat(fx.ledger(MER)).contains(request.outTradeNo());
        fx.clearFaults();
        assertThat(adapter.closeTrade(channel, request.outTradeNo())).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void timeout_after_accept_is_unknown_within_the_read_timeout() {
        fx.setFault(MER, "TIMEOUT_AFTER_ACCEPT", 1.0, 0);
        TradeRequest request = request(100);
        long started = System.nanoTime();
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("READ_TIMEOUT"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(fx.ledger(MER)).contains(request.outTradeNo());
        assertThat(adapter.queryTrade(channel, request.outTradeNo())).isInstanceOf(NotifyOutcome.Verified.class);
    }

    @Test
    void a_bad_answer_signature_is_unknown_and_a_badly_signed_notification_is_refused() {
        fx.setFault(MER, "BAD_SIGNATURE", 1.0, 0);
        TradeRequest request = request(100);
        assertThat(adapter.createTrade(channel, request)).isInstanceOfSatisfying(TradeOutcome.Unknown.class,
                u -> assertThat(u.channelCode()).isEqualTo("RESPONSE_SIGNATURE_INVALID"));
        fx.payByTradeNo(MER, request.outTradeNo());
        ChannelNotification forged = fx.find(n -> request.outTradeNo().equals(
                UpForm.decode(new String(n.body(), StandardCharsets.UTF_8)).get("orderId")), Duration.ofSeconds(10));
        assertThat(forged).as("the badly signed notification").isNotNull();
        assertThat(adapter.verifyPaymentNotification(channel, forged)).isInstanceOf(NotifyOutcome.Refused.class);
        fx.receiver().clear();
    }

    @Test
    void slow_within_the_read_timeout_is_still_accepted() {
        fx.setFault(MER, "SLOW", 1.0, 500);
        assertThat(adapter.createTrade(channel, request(100))).isInstanceOf(TradeOutcome.Accepted.class);
    }

    @Test
    void connection_refused_is_a_definite_rejection() {
        ChannelInstance nowhere = channel("unionpay-nowhere", MER, ChannelFixtures.closedPortUrl(),
                fx.key(keyDir() + "unionpay_public.pem"));
        assertThat(adapter.createTrade(nowhere, request(100))).isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                r -> assertThat(r.channelCode()).isEqualTo("CONNECT_FAILED"));
    }

    @Test
    void a_wrong_merchant_key_and_an_amount_over_the_limit_are_definite_rejections() {
        Map<String, String> credentials = new HashMap<>(channel.credentials());
        credentials.put("merchant_private_key", freshPrivateKeyPem());
        ChannelInstance wrongKey = new ChannelInstance("unionpay-wrong-key", ChannelType.UNIONPAY, MER,
                Set.of(PayWay.UP_QR), true, fx.baseUrl(), channel.notifyUrl(), credentials);
        assertThat(adapter.createTrade(wrongKey, request(100))).isInstanceOfSatisfying(TradeOutcome.Rejected.class,
                r -> assertThat(r.channelCode()).isEqualTo("11"));
        assertThat(adapter.createTrade(channel, request(100_000_001))).isInstanceOfSatisfying(
                TradeOutcome.Rejected.class, r -> assertThat(r.channelCode()).isEqualTo("33"));
    }

    @Test
    void drop_notify_sends_nothing_and_duplicate_notify_sends_twice() {
        fx.setFault(MER, "DROP_NOTIFY", 1.0, 0);
        TradeRequest dropped = request(100);
        fx.pay(payData(dropped));
        assertThat(fx.findPayment(adapter, channel, dropped.outTradeNo(), Duration.ofSeconds(2))).isNull();

        fx.clearFaults();
        fx.setFault(MER, "DUPLICATE_NOTIFY", 1.0, 0);
        TradeRequest twice = request(100);
        fx.pay(payData(twice));
        assertThat(fx.awaitPayment(adapter, channel, twice.outTradeNo())).isNotNull();
        assertThat(fx.awaitPayment(adapter, channel, twice.outTradeNo())).isNotNull();
    }

    @Test
    void a_notification_answered_with_anything_but_200_is_sent_again() {
        fx.receiver().failNext(1);
        TradeRequest request = request(100);
        fx.pay(payData(request));
        assertThat(fx.awaitPayment(adapter, channel, request.outTradeNo())).isNotNull();
        assertThat(fx.awaitPayment(adapter, channel, request.outTradeNo())).isNotNull();
    }

    @Test
    void forged_tampered_and_foreign_notifications_are_refused() throws Exception {
        TradeRequest request = request(800);
        fx.pay(payData(request));
        ChannelNotification genuine = fx.awaitPayment(adapter, channel, request.outTradeNo());
        Map<String, String> fields = UpForm.decode(new String(genuine.body(), StandardCharsets.UTF_8));

        Map<String, String> tampered = new LinkedHashMap<>(fields);
        tampered.put("txnAmt", "1");
        assertThat(adapter.verifyPaymentNotification(channel, form(tampered))).isInstanceOf(NotifyOutcome.Refused.class);

        Map<String, String> forged = new LinkedHashMap<>(fields);
        forged.put("signature", UpSignature.sign(freshPrivateKey(), forged));
        assertThat(adapter.verifyPaymentNotification(channel, form(forged))).isInstanceOf(NotifyOutcome.Refused.class);

        Map<String, String> otherCertId = new LinkedHashMap<>(fields);
        otherCertId.put("certId", "99999999999");
        otherCertId.put("signature", UpSignature.sign(unionpayKey(), otherCertId));
        assertThat(adapter.verifyPaymentNotification(channel, form(otherCertId))).isInstanceOf(NotifyOutcome.Refused.class);

        // signed with UnionPay's real key, but for another merchant: the signature holds, the merId does not
        Map<String, String> otherMerchant = new LinkedHashMap<>(fields);
        otherMerchant.put("merId", "777290058110002");
        otherMerchant.put("signature", UpSignature.sign(unionpayKey(), otherMerchant));
        assertThat(adapter.verifyPaymentNotification(channel, form(otherMerchant))).isInstanceOf(NotifyOutcome.Refused.class);

        assertThat(adapter.verifyPaymentNotification(channel, new ChannelNotification(Map.of(),
                "not a form&&=".getBytes(StandardCharsets.UTF_8), "text/plain"))).isInstanceOf(NotifyOutcome.Refused.class);
    }

    @Test
    void the_callback_path_answers_ok_once_stored_and_refuses_a_trade_the_platform_never_opened() throws Exception {
        TradeRequest request = request(900);
        fx.pay(payData(request));
        ChannelNotification genuine = fx.awaitPayment(adapter, channel, request.outTradeNo());

        Map<String, String> unknown = new LinkedHashMap<>(UpForm.decode(new String(genuine.body(), StandardCharsets.UTF_8)));
        unknown.put("orderId", "UNKNOWN" + System.nanoTime());
        unknown.put("signature", UpSignature.sign(unionpayKey(), unknown));

        ChannelInstances channels = mock(ChannelInstances.class);
        when(channels.find("unionpay-a")).thenReturn(Optional.of(channel));
        OrderServiceClient orders = mock(OrderServiceClient.class);
        when(orders.reportPayment(anyString(), any())).thenAnswer(call -> {
            if (call.getArgument(0).equals(request.outTradeNo())) {
                return Map.of("result", "APPLIED");
            }
            Request r = Request.create(Request.HttpMethod.POST, "/internal", new HashMap<>(), null,
                    StandardCharsets.UTF_8, null);
            throw new FeignException.NotFound("TRADE_UNKNOWN", r, null, null);
        });
        ChannelAdapters adapters = new ChannelAdapters(List.of(adapter));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HandleChannelCallback callbacks = new HandleChannelCallback(channels, adapters, orders, meters,
                new com.aggpay.router.callback.HandleRefundCallback(channels, adapters, orders, meters));

        var stored = callbacks.handle("unionpay-a", genuine, "127.0.0.1");
        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        assertThat(stored.getBody()).isEqualTo("ok");
        var again = callbacks.handle("unionpay-a", genuine, "127.0.0.1");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        var refused = callbacks.handle("unionpay-a", form(unknown), "127.0.0.1");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).isEqualTo("fail");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String payData(TradeRequest request) {
        TradeOutcome outcome = adapter.createTrade(channel, request);
        assertThat(outcome).as("apply for " + request.outTradeNo()).isInstanceOf(TradeOutcome.Accepted.class);
        return ((TradeOutcome.Accepted) outcome).payData();
    }

    private static TradeRequest request(long amount) {
        return ChannelFixtures.tradeRequest("UP", PayWay.UP_QR, amount, Map.of());
    }

    /** A consumption by a payer inside the wallet, named by the appUserId UnionPay's user authorisation gave. */
    private static TradeRequest walletRequest(long amount) {
        return ChannelFixtures.tradeRequest("UPJ", PayWay.UP_JSAPI, amount,
                Map.of("user_id", "cG9zLXBheWVyLTAwMQ+/Up8x2vQ3Xk9n0yW1aB7dLm4rZs6tE5uF0gHcJiKoPqRwSyTzU="));
    }

    private static ChannelNotification form(Map<String, String> fields) {
        return new ChannelNotification(Map.of("content-type", "application/x-www-form-urlencoded; charset=UTF-8"),
                UpForm.encode(fields).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static PrivateKey unionpayKey() throws Exception {
        String pem = fx.key(keyDir() + "unionpay_private.pem");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PrivateKey freshPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private static String freshPrivateKeyPem() {
        try {
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(freshPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyDir() {
        return "unionpay/" + MER + "/";
    }

    private static ChannelInstance channel(String name, String merId, String baseUrl, String unionpayPublicKey) {
        return fx.unionPay(name, merId, baseUrl, unionpayPublicKey, "unionpay-a");
    }
}
