package com.aggpay.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AggPayClientTest {

    private static final String SECRET = "demo-app-secret-0123456789abcdef";
    private static final long NOW = 1764130000L;
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(AGGPAY-[A-Z0-9-]+) app_id=\"([^\"]+)\",timestamp=\"(\\d+)\",nonce=\"([0-9a-f]{16})\",signature=\"([^\"]+)\"");
    private static final String ORDER = "{\"pay_order_id\":\"po_2f9c1e\",\"mch_no\":\"M10001\",\"app_id\":\"demo-app\","
            + "\"mch_order_no\":\"A20261126001\",\"amount\":1234,\"currency\":\"CNY\",\"pay_way\":\"WX_NATIVE\","
            + "\"subject\":\"Latte\",\"state\":\"PAYING\",\"channel\":\"wxpay-a\",\"channel_trade_no\":null,"
            + "\"pay_data_type\":\"CODE_URL\",\"pay_data\":\"weixin://wxpay/bizpayurl?pr=x\",\"refunded_amount\":0,"
            + "\"created_at\":\"2026-11-26T10:00:00+08:00\",\"expires_at\":\"2026-11-26T10:15:00+08:00\","
            + "\"paid_at\":null,\"metadata\":{\"table\":\"7\"},\"a_field_of_a_later_version\":true}";
    private static final String REFUND = "{\"refund_id\":\"rf_1\",\"pay_order_id\":\"po_2f9c1e\",\"mch_refund_no\":\"R1\","
            + "\"amount\":500,\"state\":\"PROCESSING\",\"created_at\":\"2026-11-26T11:00:00+08:00\",\"succeeded_at\":null}";

    private final JsonMapper json = JsonMapper.builder().build();
    private static KeyPair platformKeys;
    private FakePlatform platform;
    private AggPayClient client;

    @BeforeAll
    static void platformKeys() throws Exception {
        platformKeys = Crypto.rsaKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform(SECRET, platformKeys.getPrivate(), NOW);
        client = AggPayClient.builder().baseUrl(platform.url()).appId("demo-app").hmacSecret(SECRET)
                .clock(at(NOW)).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void create_order_sends_a_signed_snake_case_body_and_returns_the_typed_order() throws Exception {
        platform.answerJson(201, ORDER);

        Order order = client.createOrder(CreateOrderRequest.of("A20261126001", 1234, PayWay.WX_NATIVE, "Latte")
                .withNotifyUrl("https://shop.example/hooks/pay").withMetadata(Map.of("table", "7")));

        FakePlatform.Received got = platform.received();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.pathAndQuery()).isEqualTo("/api/v1/pay/orders");
        assertThat(got.headers().getFirst("Content-Type")).isEqualTo("application/json");
        JsonNode sent = json.readTree(got.body());
        assertThat(sent.get("mch_order_no").asString()).isEqualTo("A20261126001");
        assertThat(sent.get("amount").isIntegralNumber()).isTrue();
        assertThat(sent.get("pay_way").asString()).isEqualTo("WX_NATIVE");
        assertThat(sent.get("notify_url").asString()).isEqualTo("https://shop.example/hooks/pay");
        assertThat(sent.get("metadata").get("table").asString()).isEqualTo("7");
        assertThat(sent.has("currency")).as("unset fields are not sent").isFalse();
        assertSignedLikeApiMd(got);

        assertThat(order.payOrderId()).isEqualTo("po_2f9c1e");
        assertThat(order.state()).isEqualTo(OrderState.PAYING);
        assertThat(order.payWay()).isEqualTo(PayWay.WX_NATIVE);
        assertThat(order.payDataType()).isEqualTo(PayDataType.CODE_URL);
        assertThat(order.amount()).isEqualTo(1234);
        assertThat(order.createdAt()).isEqualTo(OffsetDateTime.of(2026, 11, 26, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(order.paidAt()).isNull();
        assertThat(order.metadata()).containsEntry("table", "7");
    }

    @Test
    void reads_and_closes_go_to_the_paths_of_api_md_each_signed() throws Exception {
        platform.answerJson(200, ORDER);

        client.getOrder("po_2f9c1e");
        assertThat(platform.received().method()).isEqualTo("GET");
        assertThat(platform.received().pathAndQuery()).isEqualTo("/api/v1/pay/orders/po_2f9c1e");
        assertThat(platform.received().body()).isEmpty();
        assertSignedLikeApiMd(platform.received());

        client.getOrderByMchOrderNo("A20261126001");
        assertThat(platform.received().pathAndQuery()).isEqualTo("/api/v1/pay/orders?mch_order_no=A20261126001");
        assertSignedLikeApiMd(platform.received());

        client.closeOrder("po_2f9c1e");
        assertThat(platform.received().method()).isEqualTo("POST");
        assertThat(platform.received().pathAndQuery()).isEqualTo("/api/v1/pay/orders/po_2f9c1e/close");
        assertSignedLikeApiMd(platform.received());
    }

    @Test
    void refunds_are_created_and_read_as_typed_refunds() throws Exception {
        platform.answerJson(201, REFUND);

        Refund refund = client.createRefund(CreateRefundRequest.ofPayOrder("po_2f9c1e", "R1", 500).withReason("cold"));

        JsonNode sent = json.readTree(platform.received().body());
        assertThat(platform.received().pathAndQuery()).isEqualTo("/api/v1/refunds");
        assertThat(sent.get("pay_order_id").asString()).isEqualTo("po_2f9c1e");
        assertThat(sent.get("mch_refund_no").asString()).isEqualTo("R1");
        assertThat(sent.get("amount").asLong()).isEqualTo(500);
        assertThat(sent.get("reason").asString()).isEqualTo("cold");
        assertThat(sent.has("mch_order_no")).isFalse();
        assertSignedLikeApiMd(platform.received());
        assertThat(refund.refundId()).isEqualTo("rf_1");
        assertThat(refund.state()).isEqualTo(RefundState.PROCESSING);

        assertThat(client.getRefund("rf_1").mchRefundNo()).isEqualTo("R1");
        assertThat(platform.received().pathAndQuery()).isEqualTo("/api/v1/refunds/rf_1");
    }

    @Test
    void a_signed_problem_answer_becomes_an_aggpay_exception_with_code_param_status_and_request_id() {
        platform.answerJson(409, "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"The refunds would exceed the paid amount.\",\"code\":\"REFUND_EXCEEDS_PAID\","
                + "\"param\":\"amount\",\"request_id\":\"req-42\"}");

        assertThatThrownBy(() -> client.createRefund(CreateRefundRequest.ofMchOrder("A1", "R2", 99999)))
                .isInstanceOfSatisfying(AggPayException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("REFUND_EXCEEDS_PAID");
                    assertThat(e.param()).contains("amount");
                    assertThat(e.requestId()).contains("req-42");
                    assertThat(e.getMessage()).contains("REFUND_EXCEEDS_PAID", "exceed the paid amount", "req-42");
                });
    }

    @Test
    void an_unsigned_answer_is_refused_whatever_it_says() {
        platform.answer(200, "application/json", ORDER, FakePlatform.Signing.UNSIGNED);

        assertThatThrownBy(() -> client.getOrder("po_2f9c1e"))
                .isInstanceOfSatisfying(AnswerNotVerifiedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnswerNotVerifiedException.Reason.UNSIGNED);
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.getMessage()).contains("not signed");
                });
    }

    @Test
    void an_answer_altered_after_signing_is_refused() {
        platform.answer(200, "application/json", ORDER, FakePlatform.Signing.HMAC_THEN_TAMPERED);

        assertThatThrownBy(() -> client.getOrder("po_2f9c1e"))
                .isInstanceOfSatisfying(AnswerNotVerifiedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnswerNotVerifiedException.Reason.BAD_SIGNATURE);
                    assertThat(e.untrustedAnswer().text()).contains("SUCCESS");
                });
    }

    @Test
    void an_answer_signed_long_ago_is_refused_as_a_possible_replay() {
        platform.answerJson(200, ORDER);
        platform.signAnswersAt(NOW - 3600);

        assertThatThrownBy(() -> client.getOrder("po_2f9c1e"))
                .isInstanceOfSatisfying(AnswerNotVerifiedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnswerNotVerifiedException.Reason.STALE));
    }

    @Test
    void an_rsa_app_signs_with_its_key_and_accepts_only_the_platforms_rsa_answer() throws Exception {
        KeyPair merchantKeys = Crypto.rsaKeyPair();
        AggPayClient rsa = AggPayClient.builder().baseUrl(platform.url() + "/").appId("rsa-app")
                .rsaPrivateKey(merchantKeys.getPrivate()).platformPublicKey(platformKeys.getPublic())
                .clock(at(NOW)).build();
        platform.answer(200, "application/json", ORDER, FakePlatform.Signing.RSA);

        assertThat(rsa.getOrder("po_2f9c1e").state()).isEqualTo(OrderState.PAYING);
        Matcher m = AUTHORIZATION.matcher(platform.received().headers().getFirst("Authorization"));
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo("AGGPAY-SHA256-RSA2048");
        assertThat(Crypto.rsaVerifies(merchantKeys.getPublic(), "GET\n/api/v1/pay/orders/po_2f9c1e\n" + m.group(3)
                + "\n" + m.group(4) + "\n\n", m.group(5))).isTrue();

        platform.signWith(FakePlatform.Signing.HMAC);
        assertThatThrownBy(() -> rsa.getOrder("po_2f9c1e")).isInstanceOfSatisfying(AnswerNotVerifiedException.class,
                e -> assertThat(e.reason()).isEqualTo(AnswerNotVerifiedException.Reason.BAD_SIGNATURE));
    }

    @Test
    void a_raw_call_returns_any_verified_answer_for_paths_without_a_typed_method() {
        platform.answer(200, "text/csv", "type,id\norder,po_1\n", FakePlatform.Signing.HMAC);

        Answer answer = client.call("GET", "/api/v1/statements/2026-11-26", new byte[0]);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).startsWith("type,id");
        assertThat(answer.requestId()).contains("req-header-1");
        assertThat(platform.received().pathAndQuery()).isEqualTo("/api/v1/statements/2026-11-26");
    }

    @Test
    void ids_that_would_need_url_encoding_are_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> client.getOrderByMchOrderNo("A1&mch_order_no=B2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(platform.received()).isNull();
    }

    @Test
    void no_answer_at_all_is_an_unchecked_io_exception() {
        platform.close();

        assertThatThrownBy(() -> client.getOrder("po_2f9c1e")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void a_client_is_built_with_exactly_one_kind_of_key() throws Exception {
        KeyPair keys = Crypto.rsaKeyPair();
        assertThatThrownBy(() -> AggPayClient.builder().baseUrl("http://localhost:8080").appId("a").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AggPayClient.builder().baseUrl("http://localhost:8080").appId("a")
                .hmacSecret(SECRET).rsaPrivateKey(keys.getPrivate()).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AggPayClient.builder().baseUrl("http://localhost:8080").appId("a")
                .rsaPrivateKey(keys.getPrivate()).build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("platform");
    }

    /** The platform's check, done here with the tests' own HMAC: the signature is over exactly what arrived. */
    private void assertSignedLikeApiMd(FakePlatform.Received got) throws Exception {
        Matcher m = AUTHORIZATION.matcher(got.headers().getFirst("Authorization"));
        assertThat(m.matches()).as(got.headers().getFirst("Authorization")).isTrue();
        assertThat(m.group(1)).isEqualTo("AGGPAY-HMAC-SHA256");
        assertThat(m.group(2)).isEqualTo("demo-app");
        assertThat(m.group(3)).isEqualTo(Long.toString(NOW));
        String message = got.method() + "\n" + got.pathAndQuery() + "\n" + m.group(3) + "\n" + m.group(4) + "\n"
                + got.body() + "\n";
        assertThat(m.group(5)).isEqualTo(Crypto.hmacBase64(SECRET, message));
    }

    private static Clock at(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }
}
