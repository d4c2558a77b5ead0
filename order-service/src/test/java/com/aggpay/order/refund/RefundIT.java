package com.aggpay.order.refund;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.service.testing.KafkaForTests;
import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.order.routing.ChannelRouterClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refunds against the real MariaDB and Kafka; the router, another service, is a test double. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RefundIT {

    /** Payment and refund results reach order-service from the router only. */
    static final org.springframework.test.web.servlet.request.RequestPostProcessor FROM_ROUTER =
            asService("channel-router-service", "order-service");

    private static final String TOPIC_PREFIX = "aggpaytest-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aggpay.topic-prefix", () -> TOPIC_PREFIX);
        // a schema of its own: the shared test schema sees migrations of parallel work applied in any order
        registry.add("spring.datasource.url", () -> "jdbc:mysql://" + System.getenv().getOrDefault("AGGPAY_DB_HOST",
                "127.0.0.1") + ":" + System.getenv().getOrDefault("AGGPAY_DB_PORT", "3306") + "/aggpaytest_order_refund"
                + "?createDatabaseIfNotExist=true&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true"
                + "&characterEncoding=utf8");
        registry.add("aggpay.refund.query-ladder", () -> "300ms,300ms");
        registry.add("aggpay.refund.query-poll-ms", () -> "200");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoBean
    ChannelRouterClient trades;
    @MockitoBean
    RefundRouterClient router;
    private final JsonMapper json = JsonMapper.builder().build();
    /** What the channel says to a refund of a trade (default: refunded at once), and to queries of a refund. */
    private final Map<String, RefundAnswer.Outcome> refundOutcomeByTrade = new ConcurrentHashMap<>();
    private final Map<String, RefundAnswer> queryAnswerByRefund = new ConcurrentHashMap<>();

    @BeforeEach
    void channelsAnswer() {
        when(trades.placeTrade(any())).thenAnswer(inv -> accepted(inv.getArgument(0)));
        when(router.refund(any())).thenAnswer(inv -> {
            RefundCall call = inv.getArgument(0);
            RefundAnswer.Outcome outcome = refundOutcomeByTrade.getOrDefault(call.outTradeNo(),
                    RefundAnswer.Outcome.SUCCEEDED);
            return new RefundAnswer(outcome, "50300" + call.outRefundNo(),
                    outcome == RefundAnswer.Outcome.SUCCEEDED ? call.refundAmount() : 0, null, null);
        });
        when(router.query(any())).thenAnswer(inv -> queryAnswerByRefund.getOrDefault(
                ((RefundCall) inv.getArgument(0)).outRefundNo(),
                new RefundAnswer(RefundAnswer.Outcome.UNKNOWN, null, 0, "REFUND_NOT_FOUND", null)));
    }

    @Test
    void refunds_of_400_then_600_use_up_a_1000_order_and_nothing_more_is_accepted() throws Exception {
        String payOrderId = aPaidOrder(1000);

        MvcResult first = refund(payOrderId, "R1-" + payOrderId, 400);
        MvcResult repeat = refund(payOrderId, "R1-" + payOrderId, 400);
        MvcResult tooMuch = refund(payOrderId, "R2-" + payOrderId, 700);
        MvcResult rest = refund(payOrderId, "R3-" + payOrderId, 600);
        MvcResult conflict = refund(payOrderId, "R1-" + payOrderId, 300);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        JsonNode refund = body(first);
        assertThat(refund.get("refund_id").asString()).matches("rf_[0-9a-f]{24}");
        assertThat(refund.get("state").asString()).isEqualTo("SUCCESS");
        assertThat(refund.get("created_at").asString()).endsWith("+08:00");
        assertThat(refund.get("succeeded_at").asString()).endsWith("+08:00");
        assertThat(repeat.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(repeat).get("refund_id").asString()).isEqualTo(refund.get("refund_id").asString());
        assertThat(tooMuch.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(tooMuch).get("code").asString()).isEqualTo("REFUND_EXCEEDS_PAID");
        assertThat(rest.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(conflict).get("code").asString()).isEqualTo("MCH_REFUND_NO_CONFLICT");
        assertThat(order(payOrderId).get("refunded_amount").asLong()).isEqualTo(1000);
        assertThat(refund(payOrderId, "R4-" + payOrderId, 1).getResponse().getStatus()).isEqualTo(409);
        JsonNode fetched = body(mvc.perform(get("/api/v1/refunds/" + refund.get("refund_id").asString())
                .headers(caller("it-app"))).andReturn());
        assertThat(fetched.get("amount").asLong()).isEqualTo(400);
        MvcResult foreign = mvc.perform(get("/api/v1/refunds/" + refund.get("refund_id").asString())
                .headers(caller("other-app"))).andReturn();
        assertThat(body(foreign).get("code").asString()).isEqualTo("REFUND_NOT_FOUND");
    }

    @Test
    void ten_concurrent_refunds_of_300_against_1000_admit_exactly_three() throws Exception {
        String payOrderId = aPaidOrder(1000);

        List<MvcResult> results = concurrently(10, i -> refund(payOrderId, "C" + i + "-" + payOrderId.substring(3), 300));

        assertThat(results).extracting(r -> r.getResponse().getStatus()).filteredOn(s -> s == 201).hasSize(3);
        assertThat(results).extracting(r -> r.getResponse().getStatus()).filteredOn(s -> s == 409).hasSize(7);
        assertThat(results).filteredOn(r -> r.getResponse().getStatus() == 409)
                .extracting(r -> body(r).get("code").asString()).containsOnly("REFUND_EXCEEDS_PAID");
        assertThat(order(payOrderId).get("refunded_amount").asLong()).isEqualTo(900);
        assertThat(jdbc.queryForObject("SELECT refunding_amount FROM pay_order WHERE pay_order_id = ?", Long.class,
                payOrderId)).isZero();
    }

    @Test
    void an_unpaid_order_cannot_be_refunded_and_another_apps_order_is_not_found() throws Exception {
        String payOrderId = body(create(newMchOrderNo(), 500)).get("pay_order_id").asString();

        MvcResult unpaid = refund(payOrderId, "U-" + payOrderId, 100);
        MvcResult foreign = mvc.perform(post("/api/v1/refunds").headers(caller("other-app"))
                .contentType(MediaType.APPLICATION_JSON).content(refundBody(payOrderId, "F-" + payOrderId, 100)))
                .andReturn();
        MvcResult invalid = refund(payOrderId, "bad refund no!", 100);

        assertThat(unpaid.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(unpaid).get("code").asString()).isEqualTo("ORDER_NOT_PAID");
        assertThat(body(foreign).get("code").asString()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(invalid).get("param").asString()).isEqualTo("mch_refund_no");
        assertThat(rows("refund WHERE pay_order_id = ?", payOrderId)).isZero();
    }

    @Test
    void an_unknown_outcome_keeps_the_amount_reserved_and_the_notification_settles_it_once() throws Exception {
        String payOrderId = aPaidOrder(1000);
        refundOutcomeByTrade.put(outTradeNo(payOrderId), RefundAnswer.Outcome.UNKNOWN);

        JsonNode refund = body(refund(payOrderId, "N-" + payOrderId, 1000));
        assertThat(refund.get("state").asString()).isEqualTo("PROCESSING");
        assertThat(refund(payOrderId, "N2-" + payOrderId, 1).getResponse().getStatus()).isEqualTo(409);
        String outRefundNo = refund.get("refund_id").asString().substring(3);
        String report = "{\"channel\":\"wxpay-a\",\"out_trade_no\":\"" + outTradeNo(payOrderId) + "\","
                + "\"channel_refund_no\":\"50300X\",\"account_id\":\"1900000001\",\"amount\":1000,\"succeeded\":true,"
                + "\"at\":\"2026-11-26T10:05:00+08:00\"}";

        MvcResult wrongAmount = mvc.perform(post("/internal/refunds/" + outRefundNo + "/result")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report.replace("\"amount\":1000", "\"amount\":1")))
                .andReturn();
        List<MvcResult> results = concurrently(5, i -> mvc.perform(post("/internal/refunds/" + outRefundNo
                + "/result").with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report)).andReturn());

        assertThat(body(wrongAmount).get("code").asString()).isEqualTo("NOTIFY_MISMATCH");
        assertThat(results).extracting(r -> body(r).get("result").asString())
                .containsOnly("APPLIED", "ALREADY_APPLIED").filteredOn("APPLIED"::equals).hasSize(1);
        assertThat(refundState(refund)).isEqualTo("SUCCESS");
        assertThat(order(payOrderId).get("refunded_amount").asLong()).isEqualTo(1000);
        assertThat(rows("outbox_event WHERE event_type = 'RefundSucceeded' AND payload LIKE ?",
                "%" + refund.get("refund_id").asString() + "%")).isEqualTo(1);
        MvcResult unknown = mvc.perform(post("/internal/refunds/000000000000000000000000/result")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report)).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void the_query_job_settles_a_processing_refund_and_the_event_reaches_kafka() throws Exception {
        String payOrderId = aPaidOrder(800);
        refundOutcomeByTrade.put(outTradeNo(payOrderId), RefundAnswer.Outcome.PROCESSING);
        JsonNode refund = body(refund(payOrderId, "Q-" + payOrderId, 300));
        assertThat(refund.get("state").asString()).isEqualTo("PROCESSING");

        queryAnswerByRefund.put(refund.get("refund_id").asString().substring(3),
                new RefundAnswer(RefundAnswer.Outcome.SUCCEEDED, "50300Q", 300, null, null));

        await().atMost(Duration.ofSeconds(10)).until(() -> refundState(refund).equals("SUCCESS"));
        assertThat(order(payOrderId).get("refunded_amount").asLong()).isEqualTo(300);
        List<JsonNode> events = consumeEventsFor(refund.get("refund_id").asString(), 1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("event_type").asString()).isEqualTo("RefundSucceeded");
            assertThat(e.get("data").get("pay_order_id").asString()).isEqualTo(payOrderId);
            assertThat(e.get("data").get("state").asString()).isEqualTo("SUCCESS");
            assertThat(e.get("data").get("amount").asLong()).isEqualTo(300);
        });
    }

    @Test
    void a_refund_the_channel_refuses_fails_and_frees_its_amount() throws Exception {
        String payOrderId = aPaidOrder(500);
        refundOutcomeByTrade.put(outTradeNo(payOrderId), RefundAnswer.Outcome.FAILED);

        JsonNode failed = body(refund(payOrderId, "X-" + payOrderId, 500));
        refundOutcomeByTrade.remove(outTradeNo(payOrderId));
        MvcResult again = refund(payOrderId, "Y-" + payOrderId, 500);

        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(again.getResponse().getStatus()).isEqualTo(201);
        assertThat(rows("outbox_event WHERE event_type = 'RefundFailed' AND payload LIKE ?",
                "%" + failed.get("refund_id").asString() + "%")).isEqualTo(1);
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"12.99", "\"100\"", "1e2", "1.0", "true", "null"})
    void a_refund_amount_that_is_not_a_json_integer_is_refused_naming_the_field(String amount) throws Exception {
        String payOrderId = body(create(newMchOrderNo(), 1000)).get("pay_order_id").asString();
        String mchRefundNo = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        MvcResult result = mvc.perform(post("/api/v1/refunds").headers(caller("it-app"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"pay_order_id\":\"" + payOrderId
                        + "\",\"mch_refund_no\":\"" + mchRefundNo + "\",\"amount\":" + amount + "}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).get("code").asString()).isIn("PARAM_INVALID", "PARAM_REQUIRED");
        assertThat(body(result).get("param").asString()).isEqualTo("amount");
        assertThat(rows("refund WHERE mch_refund_no = ?", mchRefundNo)).isZero();
    }

    // ---- fixtures

    private String aPaidOrder(long amount) throws Exception {
        String payOrderId = body(create(newMchOrderNo(), amount)).get("pay_order_id").asString();
        String report = "{\"channel\":\"wxpay-a\",\"channel_trade_no\":\"42" + payOrderId.substring(3) + "\","
                + "\"account_id\":\"1\",\"amount\":" + amount + ",\"currency\":\"CNY\",\"paid_at\":null}";
        MvcResult paid = mvc.perform(post("/internal/trades/" + outTradeNo(payOrderId) + "/payment")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report)).andReturn();
        assertThat(body(paid).get("result").asString()).isEqualTo("APPLIED");
        return payOrderId;
    }

    private static String outTradeNo(String payOrderId) {
        return payOrderId.substring(3) + "01";
    }

    private static PlaceTradeResponse accepted(PlaceTradeRequest request) {
        String outTradeNo = outTradeNo(request.payOrderId());
        return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, "wxpay-a", outTradeNo, "CODE_URL",
                "weixin://wxpay/bizpayurl?pr=" + outTradeNo,
                List.of(new PlaceTradeResponse.Attempt(1, "wxpay-a", outTradeNo, "ACCEPTED", null, 35)));
    }

    private MvcResult create(String mchOrderNo, long amount) throws Exception {
        return mvc.perform(post("/api/v1/pay/orders").headers(caller("it-app")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":" + amount
                        + ",\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\"}")).andReturn();
    }

    private MvcResult refund(String payOrderId, String mchRefundNo, long amount) throws Exception {
        return mvc.perform(post("/api/v1/refunds").headers(caller("it-app")).contentType(MediaType.APPLICATION_JSON)
                .content(refundBody(payOrderId, mchRefundNo, amount))).andReturn();
    }

    private static String refundBody(String payOrderId, String mchRefundNo, long amount) {
        return "{\"pay_order_id\":\"" + payOrderId + "\",\"mch_refund_no\":\"" + mchRefundNo + "\",\"amount\":"
                + amount + ",\"reason\":\"returned\"}";
    }

    private JsonNode order(String payOrderId) throws Exception {
        return body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(caller("it-app"))).andReturn());
    }

    private String refundState(JsonNode refund) throws Exception {
        return body(mvc.perform(get("/api/v1/refunds/" + refund.get("refund_id").asString())
                .headers(caller("it-app"))).andReturn()).get("state").asString();
    }

    private static HttpHeaders caller(String appId) {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Aggpay-App-Id", appId);
        h.add("X-Aggpay-Mch-No", "M10001");
        return h;
    }

    private static String newMchOrderNo() {
        return "RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private JsonNode body(MvcResult r) {
        try {
            return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows(String fromWhere, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Integer.class, args);
    }

    interface Numbered<T> {
        T call(int i) throws Exception;
    }

    private static <T> List<T> concurrently(int n, Numbered<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<T>) () -> task.call(k)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<JsonNode> consumeEventsFor(String id, int expected) {
        Properties p = KafkaForTests.clientProperties();
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(PaymentEvent.topic(TOPIC_PREFIX)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().contains(id)) {
                        found.add(json.readTree(r.value()));
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
