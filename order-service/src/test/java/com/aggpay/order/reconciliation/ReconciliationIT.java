package com.aggpay.order.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.trade.BillAnswer;
import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.order.routing.ChannelBillClient;
import feign.FeignException;
import feign.Request;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reconciliation against the real MariaDB; the router's bill endpoint is a test double. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReconciliationIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DailyReconciliation daily;
    @MockitoBean
    ChannelBillClient router;
    private final JsonMapper json = JsonMapper.builder().build();
    private String channel;
    private String run;

    @BeforeEach
    void aFreshChannelOfItsOwn() {
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        channel = "rc-" + run;
    }

    @Test
    void every_difference_is_reported_and_what_both_sides_have_is_only_counted() throws Exception {
        aPaidOrder("A", 1000, "2026-11-20T10:00:00");
        aPaidOrder("B", 500, "2026-11-20T15:59:00");       // 23:59 in Shanghai: still that day, not on the bill
        anOrder("C", 300, "CLOSED", null);
        aPaidOrder("D", 700, "2026-11-20T03:00:00");
        aPaidOrder("E", 200, "2026-11-19T15:30:00");       // 23:30 the day before in Shanghai: another day's bill
        aSucceededRefund("A", "R1", 400, "2026-11-20T11:00:00");
        when(router.bill(channel, DAY.toString())).thenReturn(bill(
                payment("A", 1000), payment("C", 300), payment("D", 699), payment("INJ" + run, 100),
                refund("A", "R1", 400)));

        MvcResult r = runReconciliation(channel, DAY.toString());

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode report = body(r);
        assertThat(report.get("channel").asString()).isEqualTo(channel);
        assertThat(report.get("date").asString()).isEqualTo("2026-11-20");
        assertThat(report.get("matched_count").asInt()).isEqualTo(2);
        assertThat(report.get("matched_amount").asLong()).isEqualTo(600);
        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                "STATE_MISMATCH " + trade("C") + " 300/300",
                "AMOUNT_MISMATCH " + trade("D") + " 700/699",
                "CHANNEL_ONLY INJ" + run + " null/100",
                "PLATFORM_ONLY " + trade("B") + " 500/null");
        assertThat(jdbc.queryForObject("SELECT state FROM pay_order WHERE pay_order_id = ?", String.class,
                "po_" + run + "C")).as("reconciliation fixes nothing").isEqualTo("CLOSED");

        MvcResult stored = mvc.perform(get("/api/admin/reconciliations").param("channel", channel)
                .param("date", DAY.toString()).header(AggpayHeaders.OPERATOR, "admin")).andReturn();
        assertThat(stored.getResponse().getStatus()).isEqualTo(200);
        assertThat(discrepancies(body(stored))).hasSize(4);
    }

    @Test
    void a_re_run_replaces_the_report_of_that_channel_and_day() throws Exception {
        aPaidOrder("A", 1000, "2026-11-20T10:00:00");
        when(router.bill(channel, DAY.toString())).thenReturn(bill()).thenReturn(bill(payment("A", 1000)));

        assertThat(discrepancies(body(runReconciliation(channel, DAY.toString())))).hasSize(1);
        JsonNode second = body(runReconciliation(channel, DAY.toString()));

        assertThat(second.get("discrepancies")).isEmpty();
        assertThat(second.get("matched_count").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_report WHERE channel = ?", Integer.class,
                channel)).isEqualTo(1);
    }

    @Test
    void every_run_by_an_operator_is_stored_in_the_audit_table_with_the_report_before_and_after() throws Exception {
        aPaidOrder("A", 1000, "2026-11-20T10:00:00");
        when(router.bill(channel, DAY.toString())).thenReturn(bill()).thenReturn(bill(payment("A", 1000)));

        mvc.perform(post("/api/admin/reconciliations").header(AggpayHeaders.OPERATOR, "ops.alice")
                .header("X-Request-Id", "req-audit-" + run).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"" + channel + "\",\"date\":\"2026-11-20\"}")).andReturn();
        runReconciliation(channel, DAY.toString());

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT operator, action, target, before_json, "
                + "after_json, request_id, occurred_at FROM operator_audit WHERE target = ? ORDER BY id",
                channel + "/2026-11-20");
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(row -> row.get("operator")).containsExactly("ops.alice", "admin");
        assertThat(rows).extracting(row -> row.get("action")).containsOnly("RECONCILIATION_RUN");
        assertThat(rows.get(0).get("request_id")).isEqualTo("req-audit-" + run);
        assertThat(rows.get(0).get("occurred_at")).isNotNull();
        assertThat(rows.get(0).get("before_json")).as("no report existed before the first run").isNull();
        JsonNode firstAfter = json.readTree((String) rows.get(0).get("after_json"));
        assertThat(firstAfter.get("discrepancy_count").asInt()).isEqualTo(1);
        JsonNode secondBefore = json.readTree((String) rows.get(1).get("before_json"));
        JsonNode secondAfter = json.readTree((String) rows.get(1).get("after_json"));
        assertThat(secondBefore.get("discrepancy_count").asInt()).isEqualTo(1);
        assertThat(secondAfter.get("discrepancy_count").asInt()).isZero();
        assertThat(secondAfter.get("matched_count").asInt()).isEqualTo(1);
    }

    @Test
    void only_operators_coming_through_the_gateway_may_reconcile() throws Exception {
        MvcResult r = mvc.perform(post("/api/admin/reconciliations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"" + channel + "\",\"date\":\"2026-11-20\"}")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(r).get("code").asString()).isEqualTo("OPERATOR_UNAUTHENTICATED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target LIKE ?", Integer.class,
                channel + "/%")).isZero();
    }

    @Test
    void a_bad_date_or_an_unknown_channel_is_a_400_naming_the_field() throws Exception {
        Request request = Request.create(Request.HttpMethod.GET, "/internal/bills", Map.of(), null,
                StandardCharsets.UTF_8, null);
        when(router.bill(eq(channel), any())).thenThrow(new FeignException.NotFound("no such channel", request,
                null, Map.of()));

        MvcResult badDate = runReconciliation(channel, "20-11-2026");
        MvcResult future = runReconciliation(channel, "2999-01-01");
        MvcResult unknown = runReconciliation(channel, DAY.toString());

        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badDate).get("param").asString()).isEqualTo("date");
        assertThat(body(future).get("param").asString()).isEqualTo("date");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(unknown).get("code").asString()).isEqualTo("CHANNEL_UNKNOWN");
        assertThat(body(unknown).get("param").asString()).isEqualTo("channel");
    }

    @Test
    void a_report_never_run_is_404() throws Exception {
        MvcResult r = mvc.perform(get("/api/admin/reconciliations").param("channel", channel)
                .param("date", DAY.toString()).header(AggpayHeaders.OPERATOR, "admin")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(r).get("code").asString()).isEqualTo("REPORT_NOT_FOUND");
    }

    @Test
    void the_morning_run_claims_its_day_once_and_reconciles_the_routers_channels() {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(Math.floorMod(run.hashCode(), 9000));
        jdbc.update("DELETE FROM reconciliation_run WHERE day = ?", day);
        when(router.feeRates()).thenReturn(List.of(new ChannelFeeRate(channel, 3800)));
        when(router.bill(channel, day.toString())).thenReturn(new BillAnswer(channel, day.toString(), List.of()));

        assertThat(daily.runFor(day)).isTrue();
        assertThat(daily.runFor(day)).as("a second instance finds the day claimed").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_report WHERE channel = ? AND day = ?",
                Integer.class, channel, day)).isEqualTo(1);
    }

    private MvcResult runReconciliation(String channel, String date) throws Exception {
        return mvc.perform(post("/api/admin/reconciliations").header(AggpayHeaders.OPERATOR, "admin")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"" + channel + "\",\"date\":\"" + date + "\"}")).andReturn();
    }

    private List<String> discrepancies(JsonNode report) {
        return report.get("discrepancies").valueStream().map(d -> d.get("type").asString() + " "
                + d.get("out_trade_no").asString() + " " + text(d.get("platform_amount")) + "/"
                + text(d.get("channel_amount"))).toList();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.asString();
    }

    private String trade(String order) {
        return run + order + "01";
    }

    private void aPaidOrder(String order, long amount, String paidAtUtc) {
        anOrder(order, amount, "SUCCESS", LocalDateTime.parse(paidAtUtc));
    }

    private void anOrder(String order, long amount, String state, LocalDateTime paidAt) {
        LocalDateTime now = LocalDateTime.parse("2026-11-19T00:00:00");
        jdbc.update("""
                INSERT INTO pay_order (pay_order_id, mch_no, app_id, mch_order_no, amount, currency, pay_way, subject,
                       state, channel, out_trade_no, created_at, expires_at, paid_at, updated_at)
                VALUES (?, 'M10001', ?, ?, ?, 'CNY', 'ALI_QR', 'x', ?, ?, ?, ?, ?, ?, ?)""",
                "po_" + run + order, "app-" + run, "mo" + run + order, amount, state, channel, trade(order), now,
                now.plusDays(3), paidAt, now);
    }

    private void aSucceededRefund(String order, String refund, long amount, String succeededAtUtc) {
        LocalDateTime at = LocalDateTime.parse(succeededAtUtc);
        jdbc.update("""
                INSERT INTO refund (refund_id, pay_order_id, app_id, mch_no, mch_refund_no, out_refund_no, amount,
                       state, channel, created_at, succeeded_at, updated_at)
                VALUES (?, ?, ?, 'M10001', ?, ?, ?, 'SUCCESS', ?, ?, ?, ?)""",
                "rf_" + run + refund, "po_" + run + order, "app-" + run, "mr" + run + refund, run + refund, amount,
                channel, at, at, at);
    }

    private BillAnswer bill(BillAnswer.Line... lines) {
        return new BillAnswer(channel, DAY.toString(), List.of(lines));
    }

    private BillAnswer.Line payment(String order, long amount) {
        String outTradeNo = order.startsWith("INJ") ? order : trade(order);
        return new BillAnswer.Line("PAYMENT", outTradeNo, "2026112022" + order, null, amount, 0, "TRADE_SUCCESS",
                "2026-11-20T10:00:00+08:00");
    }

    private BillAnswer.Line refund(String order, String refund, long amount) {
        return new BillAnswer.Line("REFUND", trade(order), "2026112022" + order, run + refund, amount, 0,
                "REFUND_SUCCESS", "2026-11-20T11:00:00+08:00");
    }

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }
}
