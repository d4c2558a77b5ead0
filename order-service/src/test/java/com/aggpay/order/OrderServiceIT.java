package com.aggpay.order;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.service.testing.KafkaForTests;
import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.order.routing.ChannelRouterClient;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
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

/** order-service against the real MariaDB and Kafka; only the router, another service, is a test double. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OrderServiceIT {

    /** Payment and refund results reach order-service from the router only. */
    static final org.springframework.test.web.servlet.request.RequestPostProcessor FROM_ROUTER =
            asService("channel-router-service", "order-service");

    private static final String TOPIC_PREFIX = "aggpaytest-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aggpay.topic-prefix", () -> TOPIC_PREFIX);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoBean
    ChannelRouterClient router;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void routerAcceptsOnWxpayA() {
        when(router.placeTrade(any())).thenAnswer(inv -> accepted(inv.getArgument(0)));
    }

    @Test
    void an_order_is_created_once_and_the_same_request_again_gets_the_same_order() throws Exception {
        String mchOrderNo = newMchOrderNo();

        MvcResult created = create(order(mchOrderNo, 1234));
        MvcResult repeated = create(order(mchOrderNo, 1234));
        MvcResult conflict = create(order(mchOrderNo, 1300));

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode order = body(created);
        assertThat(order.get("state").asString()).isEqualTo("PAYING");
        assertThat(order.get("channel").asString()).isEqualTo("wxpay-a");
        assertThat(order.get("pay_data").asString()).startsWith("weixin://wxpay/bizpayurl?pr=");
        assertThat(order.get("created_at").asString()).endsWith("+08:00");
        assertThat(order.get("metadata").get("table").asString()).isEqualTo("7");
        assertThat(repeated.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(repeated).get("pay_order_id").asString()).isEqualTo(order.get("pay_order_id").asString());
        // the first answer is built in memory, the repeat read from the table: the same order object either way
        assertThat(body(repeated)).isEqualTo(order);
        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(conflict).get("code").asString()).isEqualTo("MCH_ORDER_NO_CONFLICT");
        assertThat(rows("pay_order WHERE mch_order_no = ?", mchOrderNo)).isEqualTo(1);
        verify(router, times(1)).placeTrade(any());
    }

    @Test
    void concurrent_identical_creates_make_exactly_one_order() throws Exception {
        String mchOrderNo = newMchOrderNo();
        List<MvcResult> results = concurrently(8, () -> create(order(mchOrderNo, 500)));

        assertThat(results).extracting(r -> r.getResponse().getStatus()).containsOnly(201, 200)
                .filteredOn(s -> s == 201).hasSize(1);
        assertThat(results).extracting(r -> body(r).get("pay_order_id").asString()).containsOnly(
                body(results.get(0)).get("pay_order_id").asString());
        assertThat(rows("pay_order WHERE mch_order_no = ?", mchOrderNo)).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_with_its_field_and_stores_nothing() throws Exception {
        String mchOrderNo = newMchOrderNo();
        MvcResult r = create(order(mchOrderNo, 0));

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(r).get("code").asString()).isEqualTo("PARAM_INVALID");
        assertThat(body(r).get("param").asString()).isEqualTo("amount");
        assertThat(rows("pay_order WHERE mch_order_no = ?", mchOrderNo)).isZero();

        MvcResult malformed = mvc.perform(post("/api/v1/pay/orders").headers(caller())
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 12")).andReturn();
        assertThat(body(malformed).get("code").asString()).isEqualTo("BODY_MALFORMED");
    }

    @Test
    void merchant_calls_that_bypass_the_gateway_are_refused() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/pay/orders/po_x")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(r).get("code").asString()).isEqualTo("CALLER_UNKNOWN");
    }

    @Test
    void a_verified_payment_is_applied_once_however_often_it_is_reported() throws Exception {
        JsonNode order = body(create(order(newMchOrderNo(), 2000)));
        String payOrderId = order.get("pay_order_id").asString();
        String outTradeNo = payOrderId.substring(3) + "01";
        String report = report("wxpay-a", "4200000000000000000000000001", 2000);

        List<MvcResult> results;
        try (AlertLog alerts = AlertLog.capture()) {
            results = concurrently(10, () -> mvc.perform(post("/internal/trades/" + outTradeNo + "/payment")
                    .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report)).andReturn());
            // the losers of the race saw the winner's channel trade number: one payment, so no double-charge alarm
            assertThat(alerts.messages()).noneMatch(m -> m.contains("DUPLICATE_PAYMENT"));
        }

        assertThat(results).extracting(r -> body(r).get("result").asString())
                .containsOnly("APPLIED", "ALREADY_APPLIED").filteredOn("APPLIED"::equals).hasSize(1);
        JsonNode paid = body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(caller())).andReturn());
        assertThat(paid.get("state").asString()).isEqualTo("SUCCESS");
        assertThat(paid.get("channel_trade_no").asString()).isEqualTo("4200000000000000000000000001");
        assertThat(rows("outbox_event WHERE event_type = 'PaymentSucceeded' AND payload LIKE ?",
                "%" + payOrderId + "%")).isEqualTo(1);

        List<JsonNode> published = consumeEventsFor(payOrderId, 1);
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.get("event_id").asString()).startsWith("evt_");
            assertThat(e.get("event_type").asString()).isEqualTo("PaymentSucceeded");
            assertThat(e.get("mch_no").asString()).isEqualTo("M10001");
            assertThat(e.get("data").get("state").asString()).isEqualTo("SUCCESS");
        });
    }

    @Test
    void a_payment_report_that_disagrees_with_the_order_changes_nothing() throws Exception {
        String payOrderId = body(create(order(newMchOrderNo(), 800))).get("pay_order_id").asString();
        String outTradeNo = payOrderId.substring(3) + "01";

        MvcResult wrongAmount = mvc.perform(post("/internal/trades/" + outTradeNo + "/payment")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report("wxpay-a", "42001", 1))).andReturn();
        MvcResult wrongChannel = mvc.perform(post("/internal/trades/" + outTradeNo + "/payment")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report("alipay-a", "42001", 800))).andReturn();
        MvcResult unknownTrade = mvc.perform(post("/internal/trades/NOSUCHTRADE01/payment")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content(report("wxpay-a", "42001", 800))).andReturn();

        assertThat(wrongAmount.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(wrongAmount).get("param").asString()).isEqualTo("amount");
        assertThat(body(wrongChannel).get("code").asString()).isEqualTo("NOTIFY_MISMATCH");
        assertThat(unknownTrade.getResponse().getStatus()).isEqualTo(404);
        JsonNode now = body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(caller())).andReturn());
        assertThat(now.get("state").asString()).isEqualTo("PAYING");
        assertThat(rows("outbox_event WHERE payload LIKE ?", "%" + payOrderId + "%")).isZero();
    }

    @Test
    void a_payment_report_from_anyone_but_the_router_is_refused_and_changes_nothing() throws Exception {
        String payOrderId = body(create(order(newMchOrderNo(), 800))).get("pay_order_id").asString();
        String path = "/internal/trades/" + payOrderId.substring(3) + "01/payment";
        String report = report("wxpay-a", "42001", 800);

        MvcResult noToken = mvc.perform(post(path).with(request -> {
            request.removeHeader(com.aggpay.contracts.service.ServiceTokens.HEADER);
            return request;
        }).contentType(MediaType.APPLICATION_JSON).content(report)).andReturn();
        MvcResult fromGateway = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(report))
                .andReturn();
        MvcResult fromNotify = mvc.perform(post(path).with(asService("notify-service", "order-service"))
                .contentType(MediaType.APPLICATION_JSON).content(report)).andReturn();
        MvcResult forged = mvc.perform(post(path).header(com.aggpay.contracts.service.ServiceTokens.HEADER,
                "eyJzdWIiOiJjaGFubmVsLXJvdXRlci1zZXJ2aWNlIn0.AAAA").contentType(MediaType.APPLICATION_JSON)
                .content(report)).andReturn();

        assertThat(noToken.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(noToken).get("code").asString()).isEqualTo("SERVICE_UNAUTHENTICATED");
        assertThat(forged.getResponse().getStatus()).isEqualTo(401);
        assertThat(fromGateway.getResponse().getStatus()).isEqualTo(403);
        assertThat(fromNotify.getResponse().getStatus()).isEqualTo(403);
        JsonNode now = body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(caller())).andReturn());
        assertThat(now.get("state").asString()).isEqualTo("PAYING");
        assertThat(rows("outbox_event WHERE payload LIKE ?", "%" + payOrderId + "%")).isZero();
    }

    @Test
    void when_no_channel_can_open_a_trade_the_order_fails_visibly() throws Exception {
        org.mockito.Mockito.doReturn(new PlaceTradeResponse(PlaceTradeResponse.Outcome.NO_CHANNEL_AVAILABLE, null, null, null,
                null, List.of(new PlaceTradeResponse.Attempt(1, "wxpay-a", "x01", "REJECTED", "NO_AUTH", 12))))
                .when(router).placeTrade(any());
        String mchOrderNo = newMchOrderNo();

        MvcResult r = create(order(mchOrderNo, 300));

        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(body(r).get("code").asString()).isEqualTo("NO_CHANNEL_AVAILABLE");
        JsonNode order = body(r).get("order");
        assertThat(order.get("state").asString()).isEqualTo("FAILED");
        assertThat(rows("pay_attempt WHERE pay_order_id = ?", order.get("pay_order_id").asString())).isEqualTo(1);
        assertThat(rows("outbox_event WHERE event_type = 'PaymentFailed' AND payload LIKE ?",
                "%" + order.get("pay_order_id").asString() + "%")).isEqualTo(1);
    }

    @Test
    void an_unanswered_router_call_leaves_the_order_paying_and_a_repeat_asks_again() throws Exception {
        org.mockito.Mockito.doThrow(new IllegalStateException("connection reset")).when(router).placeTrade(any());
        String mchOrderNo = newMchOrderNo();

        MvcResult first = create(order(mchOrderNo, 700));
        org.mockito.Mockito.doAnswer(inv -> accepted(inv.getArgument(0))).when(router).placeTrade(any());
        MvcResult repeat = create(order(mchOrderNo, 700));

        assertThat(first.getResponse().getStatus()).isEqualTo(503);
        assertThat(body(first).get("code").asString()).isEqualTo("ROUTER_UNAVAILABLE");
        assertThat(body(first).get("order").get("pay_data").isNull()).isTrue();
        assertThat(repeat.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(repeat).get("pay_data").asString()).startsWith("weixin://");
        assertThat(body(repeat).get("pay_order_id").asString())
                .isEqualTo(body(first).get("order").get("pay_order_id").asString());
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"12.99", "\"100\"", "1e2", "1.0", "true", "null", "{}", "[100]", "\"\""})
    void an_amount_that_is_not_a_json_integer_is_refused_naming_the_field_and_nothing_is_stored(String amount)
            throws Exception {
        String mchOrderNo = newMchOrderNo();

        MvcResult result = create("{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":" + amount
                + ",\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).get("code").asString()).isIn("PARAM_INVALID", "PARAM_REQUIRED");
        assertThat(body(result).get("param").asString()).isEqualTo("amount");
        assertThat(rows("pay_order WHERE mch_order_no = ?", mchOrderNo)).isZero();
    }

    @Test
    void other_fields_are_strict_too_and_malformed_json_is_a_400() throws Exception {
        MvcResult numericSubject = create("{\"mch_order_no\":\"" + newMchOrderNo() + "\",\"amount\":100,"
                + "\"pay_way\":\"WX_NATIVE\",\"subject\":42}");
        MvcResult textExpiry = create("{\"mch_order_no\":\"" + newMchOrderNo() + "\",\"amount\":100,"
                + "\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\",\"expire_seconds\":\"900\"}");
        MvcResult duplicateAmount = create("{\"mch_order_no\":\"" + newMchOrderNo() + "\",\"amount\":1,"
                + "\"amount\":99999,\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\"}");
        MvcResult truncated = create("{\"mch_order_no\":\"X\",\"amount\":1");

        assertThat(body(numericSubject).get("param").asString()).isEqualTo("subject");
        assertThat(body(textExpiry).get("param").asString()).isEqualTo("expire_seconds");
        assertThat(List.of(numericSubject, textExpiry)).allSatisfy(r -> {
            assertThat(r.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(r).get("code").asString()).isEqualTo("PARAM_INVALID");
        });
        assertThat(List.of(duplicateAmount, truncated)).allSatisfy(r -> {
            assertThat(r.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(r).get("code").asString()).isEqualTo("BODY_MALFORMED");
        });
    }

    @Test
    void a_wrong_media_type_or_method_is_a_4xx_problem_never_a_500() throws Exception {
        MvcResult text = mvc.perform(post("/api/v1/pay/orders").headers(caller()).contentType(MediaType.TEXT_PLAIN)
                .content(order(newMchOrderNo(), 100))).andReturn();
        MvcResult delete = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/pay/orders").headers(caller())).andReturn();

        assertThat(text.getResponse().getStatus()).isEqualTo(415);
        assertThat(body(text).get("code").asString()).isEqualTo("MEDIA_TYPE_UNSUPPORTED");
        assertThat(delete.getResponse().getStatus()).isEqualTo(405);
        assertThat(body(delete).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void channel_extra_and_metadata_beyond_4_kb_are_refused_with_400_naming_the_field() throws Exception {
        String big = "x".repeat(70 * 1024);
        String justOver = "y".repeat(4100);
        MvcResult hugeExtra = create(orderWith("\"channel_extra\":{\"openid\":\"" + big + "\"}"));
        MvcResult overExtra = create(orderWith("\"channel_extra\":{\"a\":\"" + justOver + "\"}"));
        MvcResult overMetadata = create(orderWith("\"metadata\":{\"a\":\"" + "z".repeat(400) + "\",\"b\":\""
                + "z".repeat(400) + "\",\"c\":\"" + "z".repeat(400) + "\",\"d\":\"" + "z".repeat(400) + "\",\"e\":\""
                + "z".repeat(400) + "\",\"f\":\"" + "z".repeat(400) + "\",\"g\":\"" + "z".repeat(400) + "\",\"h\":\""
                + "z".repeat(400) + "\",\"i\":\"" + "z".repeat(400) + "\",\"j\":\"" + "z".repeat(400) + "\",\"k\":\""
                + "z".repeat(400) + "\"}"));
        MvcResult extraNotAnObject = create(orderWith("\"channel_extra\":\"openid=o1\""));
        MvcResult withinLimits = create(orderWith("\"channel_extra\":{\"openid\":\"" + "o".repeat(3000)
                + "\"},\"metadata\":{\"table\":\"7\"}"));

        assertThat(hugeExtra.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(hugeExtra).get("code").asString()).isEqualTo("PARAM_INVALID");
        assertThat(body(hugeExtra).get("param").asString()).isEqualTo("channel_extra");
        assertThat(body(overExtra).get("param").asString()).isEqualTo("channel_extra");
        assertThat(overMetadata.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(overMetadata).get("param").asString()).isEqualTo("metadata");
        assertThat(extraNotAnObject.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(extraNotAnObject).get("param").asString()).isEqualTo("channel_extra");
        assertThat(withinLimits.getResponse().getStatus()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
            "http://100.100.100.200/", "http://[fe80::1]/h", "http://0.0.0.0:8099/h", "http://224.0.0.1/h",
            "http://[::ffff:169.254.169.254]/", "http://[2002:a9fe:a9fe::1]/", "http://[64:ff9b:1::a9fe:a9fe]/",
            "http://unresolvable-host.invalid/h", "ftp://127.0.0.1/h", "http://user:pw@127.0.0.1/h"})
    void a_notify_url_the_webhook_rules_refuse_is_a_400_on_notify_url_even_in_local_mode(String url)
            throws Exception {
        String mchOrderNo = newMchOrderNo();

        MvcResult result = create("{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":100,"
                + "\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\",\"notify_url\":\"" + url + "\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).get("code").asString()).isEqualTo("PARAM_INVALID");
        assertThat(body(result).get("param").asString()).isEqualTo("notify_url");
        assertThat(rows("pay_order WHERE mch_order_no = ?", mchOrderNo)).isZero();
    }

    @Test
    void a_loopback_notify_url_is_accepted_in_local_mode() throws Exception {
        MvcResult result = create(orderWith("\"notify_url\":\"http://127.0.0.1:8099/hooks\""));

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
    }

    // ---- fixtures

    private static PlaceTradeResponse accepted(PlaceTradeRequest request) {
        String outTradeNo = request.payOrderId().substring(3) + "01";
        return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, "wxpay-a", outTradeNo, "CODE_URL",
                "weixin://wxpay/bizpayurl?pr=" + outTradeNo,
                List.of(new PlaceTradeResponse.Attempt(1, "wxpay-a", outTradeNo, "ACCEPTED", null, 35)));
    }

    private MvcResult create(String body) throws Exception {
        return mvc.perform(post("/api/v1/pay/orders").headers(caller()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();
    }

    private static String orderWith(String extraFields) {
        return "{\"mch_order_no\":\"" + newMchOrderNo() + "\",\"amount\":100,\"pay_way\":\"WX_NATIVE\","
                + "\"subject\":\"Latte\"," + extraFields + "}";
    }

    private static org.springframework.http.HttpHeaders caller() {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.add("X-Aggpay-App-Id", "it-app");
        h.add("X-Aggpay-Mch-No", "M10001");
        return h;
    }

    private static String order(String mchOrderNo, long amount) {
        return "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":" + amount + ",\"pay_way\":\"WX_NATIVE\","
                + "\"subject\":\"Latte\",\"notify_url\":\"http://127.0.0.1:9/hooks\",\"metadata\":{\"table\":\"7\"}}";
    }

    private static String report(String channel, String channelTradeNo, long amount) {
        return "{\"channel\":\"" + channel + "\",\"channel_trade_no\":\"" + channelTradeNo + "\",\"account_id\":\"1\","
                + "\"amount\":" + amount + ",\"currency\":\"CNY\",\"paid_at\":\"2026-11-26T10:00:00+08:00\"}";
    }

    private static String newMchOrderNo() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private JsonNode body(MvcResult r) {
        try {
            return json.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows(String fromWhere, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Integer.class, args);
    }

    private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
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

    private List<JsonNode> consumeEventsFor(String payOrderId, int expected) {
        Properties p = KafkaForTests.clientProperties();
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(PaymentEvent.topic(TOPIC_PREFIX)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().contains(payOrderId)) {
                        found.add(json.readTree(r.value()));
                    }
                }
                return found.size() >= expected;
            });
            // and nothing more arrives for it
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                if (r.value().contains(payOrderId)) {
                    found.add(json.readTree(r.value()));
                }
            });
        }
        return found;
    }
}
