package com.aggpay.order.database;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.order.refund.RefundRouterClient;
import com.aggpay.order.routing.ChannelBillClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read replica against the real MariaDB: a second schema stands in for the replica, and an order that exists
 * only there (or only on the primary) shows which database a read went to. A real replica is a copy of the primary;
 * here the two differ on purpose. Not in the sharded failsafe execution (pom.xml): on shards each shard would have
 * its own replica.
 */
@DisabledIfSystemProperty(named = "spring.profiles.include", matches = "sharding")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReadReplicaIT {

    private static final String PRIMARY = "aggpaytest_order_rr";
    private static final String REPLICA = "aggpaytest_order_rr_replica";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url(PRIMARY));
        Flyway.configure().dataSource(url(REPLICA), "aggpay", "aggpay").locations("classpath:db/migration").load()
                .migrate();
        registry.add("aggpay.order.read-replica.url", () -> url(REPLICA));
        // these tests write no events worth relaying; keep the relay from polling a broker
        registry.add("aggpay.outbox.poll-interval-ms", () -> "600000");
    }

    private static String url(String schema) {
        return "jdbc:mysql://" + System.getenv().getOrDefault("AGGPAY_DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("AGGPAY_DB_PORT", "3306") + "/" + schema
                + "?createDatabaseIfNotExist=true&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true"
                + "&characterEncoding=utf8";
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry meters;
    @MockitoBean
    RefundRouterClient router;
    @MockitoBean
    ChannelBillClient bills;
    private final JdbcTemplate replica = new JdbcTemplate(
            new DriverManagerDataSource(url(REPLICA), "aggpay", "aggpay"));
    private final JsonMapper json = JsonMapper.builder().build();
    private String mch;
    private String onPrimary;
    private String onReplica;

    @BeforeEach
    void oneOrderOnlyOnThePrimaryAndOneOnlyOnTheReplica() {
        mch = "RR" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        onPrimary = anOrder(jdbc, "P1");
        onReplica = anOrder(replica, "R1");
        when(router.refund(any())).thenAnswer(inv -> {
            RefundCall call = inv.getArgument(0);
            return new RefundAnswer(RefundAnswer.Outcome.SUCCEEDED, "50300" + call.outRefundNo(), call.refundAmount(),
                    null, null);
        });
        when(bills.feeRates()).thenReturn(List.of(new ChannelFeeRate("alipay-a", 3800)));
    }

    @Test
    void the_portal_list_reads_the_replica_and_an_order_by_id_reads_the_primary() throws Exception {
        double replicaConnections = connections("replica");

        JsonNode list = ok(get("/internal/portal/orders").param("mch_no", mch));

        assertThat(list.get("items")).extracting(o -> o.get("pay_order_id").asString()).containsExactly(onReplica);
        assertThat(connections("replica")).isGreaterThan(replicaConnections);
        assertThat(ok(get("/internal/portal/orders/" + onPrimary).param("mch_no", mch)).get("order")
                .get("pay_order_id").asString()).isEqualTo(onPrimary);
        assertThat(status(get("/internal/portal/orders/" + onReplica).param("mch_no", mch))).isEqualTo(404);
    }

    @Test
    void the_dashboard_and_both_statements_read_the_replica() throws Exception {
        JsonNode dashboard = ok(get("/internal/portal/dashboard").param("mch_no", mch).param("date", "2026-11-20"));
        String merchantStatement = csv(get("/internal/portal/statements/2026-11-20").param("mch_no", mch)
                .with(asService("merchant-service", "order-service")));
        String appStatement = csv(get("/api/v1/statements/2026-11-20").header(AggpayHeaders.APP_ID, "app-" + mch)
                .header(AggpayHeaders.MCH_NO, mch));

        assertThat(dashboard.get("order_count").asLong()).isEqualTo(1);
        assertThat(dashboard.get("paid_amount").asLong()).isEqualTo(1000);
        assertThat(merchantStatement).contains(onReplica).doesNotContain(onPrimary);
        assertThat(appStatement).contains(onReplica).doesNotContain(onPrimary);
    }

    @Test
    void a_refund_is_decided_and_written_on_the_primary() throws Exception {
        MvcResult refund = mvc.perform(post("/internal/portal/refunds").param("mch_no", mch)
                .with(asService("merchant-service", "order-service")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"pay_order_id\":\"" + onPrimary + "\",\"amount\":400}")).andReturn();

        assertThat(refund.getResponse().getStatus()).as(refund.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT refunded_amount FROM pay_order WHERE pay_order_id = ?", Long.class,
                onPrimary)).isEqualTo(400);
        assertThat(replica.queryForObject("SELECT COUNT(*) FROM refund WHERE mch_no = ?", Integer.class, mch))
                .isZero();
    }

    @Test
    void a_replica_read_inside_a_transaction_stays_on_the_primary() {
        List<String> seen = tx.execute(status -> ReplicaReads.call(() -> jdbc.queryForList(
                "SELECT pay_order_id FROM pay_order WHERE mch_no = ?", String.class, mch)));
        List<String> outside = ReplicaReads.call(() -> jdbc.queryForList(
                "SELECT pay_order_id FROM pay_order WHERE mch_no = ?", String.class, mch));

        assertThat(seen).containsExactly(onPrimary);
        assertThat(outside).containsExactly(onReplica);
    }

    /** A paid order of the day 2026-11-20 (Shanghai), written straight into one database. */
    private String anOrder(JdbcTemplate into, String n) {
        LocalDateTime at = LocalDateTime.parse("2026-11-20T02:00:00");
        String id = "po_" + mch + n;
        into.update("""
                INSERT INTO pay_order (pay_order_id, mch_no, app_id, mch_order_no, amount, currency, pay_way, subject,
                       state, channel, out_trade_no, pay_data_type, pay_data, fee_rate_ppm, created_at, expires_at,
                       paid_at, updated_at)
                VALUES (?, ?, ?, ?, 1000, 'CNY', 'ALI_QR', 'x', 'SUCCESS', 'alipay-a', ?, 'CODE_URL', 'https://qr.x',
                        3800, ?, ?, ?, ?)""",
                id, mch, "app-" + mch, "mo" + mch + n, mch + n + "01", at, at.plusMinutes(15), at, at);
        return id;
    }

    private double connections(String target) {
        return meters.counter("aggpay_order_db_connections_total", "target", target).count();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(asService("merchant-service", "order-service"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(asService("merchant-service", "order-service"))).andReturn().getResponse()
                .getStatus();
    }

    private String csv(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
