package com.aggpay.order.sharding;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.order.refund.RefundRouterClient;
import com.aggpay.order.routing.ChannelRouterClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sharding profile's promise, checked in each shard's own schema: a merchant's order, its trade attempt, its
 * refund and the events about them all land on the merchant's shard and on no other, and each is found again by its
 * id alone. Runs only in the sharded failsafe execution (pom.xml), which turns the {@code sharding} profile on.
 */
@EnabledIfSystemProperty(named = "spring.profiles.include", matches = "sharding")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ShardPlacementIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // the outbox rows are what is looked at here: the relay may leave them unsent
        registry.add("aggpay.outbox.poll-interval-ms", () -> "600000");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ShardingProperties sharding;
    @MockitoBean
    ChannelRouterClient trades;
    @MockitoBean
    RefundRouterClient refunds;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void channelsAcceptAndRefund() {
        when(trades.placeTrade(any())).thenAnswer(inv -> accepted(inv.getArgument(0)));
        when(refunds.refund(any())).thenAnswer(inv -> {
            RefundCall call = inv.getArgument(0);
            return new RefundAnswer(RefundAnswer.Outcome.SUCCEEDED, "50300" + call.outRefundNo(), call.refundAmount(),
                    null, null);
        });
    }

    @Test
    void a_merchants_order_attempts_refund_and_events_live_on_its_shard_alone_and_are_found_by_id() throws Exception {
        assertThat(sharding.shards()).hasSize(2);
        for (int shard = 0; shard < 2; shard++) {
            String mch = aMerchantOnShard(shard);
            String payOrderId = aPaidOrder(mch);
            JsonNode refund = body(mvc.perform(post("/api/v1/refunds").headers(merchant(mch))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"pay_order_id\":\"" + payOrderId
                            + "\",\"mch_refund_no\":\"SP1\",\"amount\":300}")).andReturn());
            String refundId = refund.get("refund_id").asString();

            for (int s = 0; s < 2; s++) {
                int expected = s == shard ? 1 : 0;
                JdbcTemplate schema = schema(s);
                assertThat(count(schema, "pay_order WHERE mch_no = ?", mch)).as("orders on shard " + s)
                        .isEqualTo(expected);
                assertThat(count(schema, "pay_attempt WHERE pay_order_id = ?", payOrderId)).as("attempts")
                        .isEqualTo(expected);
                assertThat(count(schema, "refund WHERE refund_id = ?", refundId)).as("refunds").isEqualTo(expected);
                // PaymentSucceeded and RefundSucceeded
                assertThat(count(schema, "outbox_event WHERE msg_key = ?", mch)).as("events").isEqualTo(2 * expected);
            }
            assertThat(body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(merchant(mch))).andReturn())
                    .get("refunded_amount").asLong()).isEqualTo(300);
            assertThat(body(mvc.perform(get("/api/v1/refunds/" + refundId).headers(merchant(mch))).andReturn())
                    .get("state").asString()).isEqualTo("SUCCESS");
        }
    }

    /** A merchant number of this run whose slot falls on the shard. */
    private static String aMerchantOnShard(int shard) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; ; i++) {
            String mch = "SP" + run + i;
            if (MerchantSlots.of(mch) % 2 == shard) {
                return mch;
            }
        }
    }

    private String aPaidOrder(String mch) throws Exception {
        String payOrderId = body(mvc.perform(post("/api/v1/pay/orders").headers(merchant(mch))
                .contentType(MediaType.APPLICATION_JSON).content("{\"mch_order_no\":\"SP1\",\"amount\":1000,"
                        + "\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\"}")).andReturn()).get("pay_order_id")
                .asString();
        String report = "{\"channel\":\"wxpay-a\",\"channel_trade_no\":\"42" + payOrderId.substring(3) + "\","
                + "\"account_id\":\"1\",\"amount\":1000,\"currency\":\"CNY\",\"paid_at\":null}";
        MvcResult paid = mvc.perform(post("/internal/trades/" + payOrderId.substring(3) + "01/payment")
                .with(asService("channel-router-service", "order-service")).contentType(MediaType.APPLICATION_JSON)
                .content(report)).andReturn();
        assertThat(body(paid).get("result").asString()).isEqualTo("APPLIED");
        return payOrderId;
    }

    private static PlaceTradeResponse accepted(PlaceTradeRequest request) {
        String outTradeNo = request.payOrderId().substring(3) + "01";
        return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, "wxpay-a", outTradeNo, "CODE_URL",
                "weixin://wxpay/bizpayurl?pr=" + outTradeNo,
                List.of(new PlaceTradeResponse.Attempt(1, "wxpay-a", outTradeNo, "ACCEPTED", null, 35)));
    }

    /** The shard's schema itself, not through ShardingSphere. */
    private JdbcTemplate schema(int shard) {
        ShardingProperties.Shard s = sharding.shards().get(shard);
        return new JdbcTemplate(new DriverManagerDataSource(s.url(), s.username(), s.password()));
    }

    private static int count(JdbcTemplate schema, String fromWhere, Object... args) {
        return schema.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Integer.class, args);
    }

    private static HttpHeaders merchant(String mch) {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Aggpay-App-Id", "app-" + mch);
        h.add("X-Aggpay-Mch-No", mch);
        return h;
    }

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
