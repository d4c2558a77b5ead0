package com.aggpay.order.close;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.TradeStatusAnswer;
import com.aggpay.order.routing.ChannelRouterClient;
import com.aggpay.order.routing.TradeOpsClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Close, expiry and compensation against the real MariaDB and Kafka; the router, another service, is doubled. Runs
 * in its own schema so that rounds of the jobs only ever see these tests' orders, and with the scheduled jobs off:
 * the tests drive rounds by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class CloseITSupport {

    /** Payment and refund results reach order-service from the router only. */
    static final org.springframework.test.web.servlet.request.RequestPostProcessor FROM_ROUTER =
            asService("channel-router-service", "order-service");

    private static final String TOPIC_PREFIX = "aggpaytest-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aggpay.topic-prefix", () -> TOPIC_PREFIX);
        registry.add("spring.datasource.url", () -> "jdbc:mysql://" + env("AGGPAY_DB_HOST", "127.0.0.1") + ":"
                + env("AGGPAY_DB_PORT", "3306") + "/aggpaytest_order_close?createDatabaseIfNotExist=true"
                + "&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8");
        registry.add("aggpay.order.compensation.enabled", () -> "false");
        registry.add("aggpay.order.compensation.first-query-delay", () -> "10s");
        registry.add("aggpay.order.compensation.ladder", () -> "5s, 10s, 20s, 30s, 60s");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @MockitoBean
    protected ChannelRouterClient router;
    @MockitoBean
    protected TradeOpsClient tradeOps;
    protected final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void routerAcceptsOnAlipayAAndEarlierOrdersAreOutOfTheWay() {
        when(router.placeTrade(any())).thenAnswer(inv -> accepted(inv.getArgument(0)));
        // orders of earlier tests or runs must not crowd the job rounds these tests drive
        jdbc.update("UPDATE pay_order SET next_query_at = '2999-01-01' WHERE state = 'PAYING'");
    }

    // ---- fixtures

    protected JsonNode aPayingOrder(long amount) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/pay/orders").headers(caller("it-app"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"mch_order_no\":\"CL" + UUID.randomUUID()
                        .toString().replace("-", "").substring(0, 24) + "\",\"amount\":" + amount
                        + ",\"pay_way\":\"ALI_QR\",\"subject\":\"Tea\",\"notify_url\":\"http://127.0.0.1:9/h\"}"))
                .andReturn();
        if (r.getResponse().getStatus() != 201) {
            throw new IllegalStateException(r.getResponse().getContentAsString());
        }
        return body(r);
    }

    protected static String outTradeNo(JsonNode order) {
        return order.get("pay_order_id").asString().substring(3) + "01";
    }

    protected static TradeStatusAnswer paidAnswer(long amount) {
        return new TradeStatusAnswer("PAID", "alipay-a", "2026112622001" + amount, "2021000000000001", amount, "CNY",
                "2026-11-26T10:00:00+08:00");
    }

    protected static TradeStatusAnswer answer(String status) {
        return new TradeStatusAnswer(status, "alipay-a", null, null, null, null, null);
    }

    protected MvcResult close(String payOrderId, String appId) throws Exception {
        return mvc.perform(post("/api/v1/pay/orders/" + payOrderId + "/close").headers(caller(appId))).andReturn();
    }

    protected String state(String payOrderId) throws Exception {
        return body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(caller("it-app"))).andReturn())
                .get("state").asString();
    }

    /** A channel callback for the order's trade, as channel-router-service reports it after verifying it. */
    protected MvcResult callback(JsonNode order, long amount) throws Exception {
        TradeStatusAnswer paid = paidAnswer(amount);
        return mvc.perform(post("/internal/trades/" + outTradeNo(order) + "/payment")
                .with(FROM_ROUTER).contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"alipay-a\",\"channel_trade_no\":\""
                        + paid.channelTradeNo() + "\",\"account_id\":\"2021000000000001\",\"amount\":" + amount
                        + ",\"currency\":\"CNY\",\"paid_at\":\"2026-11-26T10:00:00+08:00\"}")).andReturn();
    }

    protected int events(String type, String payOrderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?",
                Integer.class, type, "%" + payOrderId + "%");
    }

    protected void makeDueNow(String payOrderId) {
        jdbc.update("UPDATE pay_order SET next_query_at = UTC_TIMESTAMP(3) - INTERVAL 2 SECOND WHERE pay_order_id = ?",
                payOrderId);
    }

    protected void expire(String payOrderId) {
        jdbc.update("UPDATE pay_order SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 2 SECOND, next_query_at = NULL "
                + "WHERE pay_order_id = ?", payOrderId);
    }

    protected JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static PlaceTradeResponse accepted(PlaceTradeRequest request) {
        String outTradeNo = request.payOrderId().substring(3) + "01";
        return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, "alipay-a", outTradeNo, "CODE_URL",
                "https://qr.alipay.com/" + outTradeNo,
                List.of(new PlaceTradeResponse.Attempt(1, "alipay-a", outTradeNo, "ACCEPTED", null, 30)));
    }

    private static HttpHeaders caller(String appId) {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Aggpay-App-Id", appId);
        h.add("X-Aggpay-Mch-No", "M10001");
        return h;
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
