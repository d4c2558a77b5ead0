package com.aggpay.order.portal;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.order.refund.RefundRouterClient;
import com.aggpay.order.routing.ChannelBillClient;
import com.aggpay.order.sharding.MerchantSlots;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The merchant portal's internal endpoints against the real MariaDB; the router is a test double. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortalReadsIT {

    private static final RequestPostProcessor FROM_PORTAL = asService("merchant-service", "order-service");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // a schema of its own: the shared test schema sees migrations of parallel work applied in any order
        registry.add("spring.datasource.url", () -> "jdbc:mysql://" + System.getenv().getOrDefault("AGGPAY_DB_HOST",
                "127.0.0.1") + ":" + System.getenv().getOrDefault("AGGPAY_DB_PORT", "3306") + "/aggpaytest_order_portal"
                + "?createDatabaseIfNotExist=true&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true"
                + "&characterEncoding=utf8");
        // these tests write no events worth relaying; keep the relay from polling a broker
        registry.add("aggpay.outbox.poll-interval-ms", () -> "600000");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoBean
    RefundRouterClient router;
    @MockitoBean
    ChannelBillClient bills;
    private final JsonMapper json = JsonMapper.builder().build();
    private String mch;
    private String other;

    @BeforeEach
    void twoMerchantsOfTheirOwn() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mch = "PM" + run;
        other = "PX" + run;
        when(router.refund(any())).thenAnswer(inv -> {
            RefundCall call = inv.getArgument(0);
            return new RefundAnswer(RefundAnswer.Outcome.SUCCEEDED, "50300" + call.outRefundNo(), call.refundAmount(),
                    null, null);
        });
        when(bills.feeRates()).thenReturn(List.of(new ChannelFeeRate("alipay-a", 3800),
                new ChannelFeeRate("wxpay-a", 6000)));
    }

    @Test
    void pages_follow_each_other_newest_first_with_no_order_missing_or_repeated() throws Exception {
        for (int i = 0; i < 7; i++) {
            // two orders share each second: the id breaks the tie
            anOrder(mch, "app-a", "O" + i, "WX_NATIVE", "wxpay-a", "PAYING", 100 + i, "2026-11-20T02:00:0" + (i / 2));
        }
        anOrder(other, "app-x", "X1", "WX_NATIVE", "wxpay-a", "PAYING", 100, "2026-11-20T02:00:05");
        List<String> newestFirst = jdbc.queryForList("SELECT pay_order_id FROM pay_order WHERE mch_no = ?"
                + " ORDER BY created_at DESC, pay_order_id DESC", String.class, mch);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok(get("/internal/portal/orders").param("mch_no", mch).param("limit", "3")
                    .param("cursor", cursor));
            page.get("items").forEach(o -> seen.add(o.get("pay_order_id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst).hasSize(7);
    }

    @Test
    void every_filter_narrows_the_list_and_the_items_are_order_objects() throws Exception {
        String paid = anOrder(mch, "app-a", "F1", "ALI_QR", "alipay-a", "SUCCESS", 5000, "2026-11-20T01:00:00");
        String cheap = anOrder(mch, "app-b", "F2", "WX_NATIVE", "wxpay-a", "PAYING", 10, "2026-11-20T03:00:00");
        String late = anOrder(mch, "app-a", "F3", "WX_NATIVE", "wxpay-a", "CLOSED", 700, "2026-11-21T03:00:00");

        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("state", "SUCCESS")))
                .containsExactly(paid);
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("pay_way", "WX_NATIVE")))
                .containsExactly(late, cheap);
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("channel", "alipay-a")))
                .containsExactly(paid);
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("app_id", "app-b")))
                .containsExactly(cheap);
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("min_amount", "100")
                .param("max_amount", "1000"))).containsExactly(late);
        // 2026-11-20 in Shanghai is 2026-11-19T16:00Z .. 2026-11-20T16:00Z
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("from", "2026-11-20")
                .param("to", "2026-11-20"))).containsExactly(cheap, paid);
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("from", "2026-11-20T10:00:00+08:00")
                .param("to", "2026-11-21T12:00:00+08:00"))).containsExactly(late, cheap);
        assertThat(ids(get("/internal/portal/orders").param("mch_no", mch).param("mch_order_no", "mo" + mch + "F3")))
                .containsExactly(late);
        JsonNode item = ok(get("/internal/portal/orders").param("mch_no", mch).param("state", "SUCCESS"))
                .get("items").get(0);
        assertThat(item.get("app_id").asString()).isEqualTo("app-a");
        assertThat(item.get("amount").asLong()).isEqualTo(5000);
        assertThat(item.get("created_at").asString()).isEqualTo("2026-11-20T09:00:00+08:00");
        assertThat(item.has("metadata")).isTrue();
    }

    @Test
    void bad_parameters_are_refused_with_the_parameter_named() throws Exception {
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("limit", "101")))
                .isEqualTo("400 PARAM_INVALID limit");
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("state", "PAID")))
                .isEqualTo("400 PARAM_INVALID state");
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("pay_way", "CASH")))
                .isEqualTo("400 PARAM_INVALID pay_way");
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("cursor", "bm9wZQ")))
                .isEqualTo("400 PARAM_INVALID cursor");
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("from", "yesterday")))
                .isEqualTo("400 PARAM_INVALID from");
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("min_amount", "9")
                .param("max_amount", "1"))).isEqualTo("400 PARAM_INVALID max_amount");
        assertThat(problem(get("/internal/portal/orders").param("mch_no", mch).param("limit", "ten")))
                .isEqualTo("400 PARAM_INVALID limit");
        assertThat(problem(get("/internal/portal/orders"))).isEqualTo("400 PARAM_REQUIRED mch_no");
        assertThat(problem(get("/internal/portal/dashboard").param("mch_no", mch).param("date", "2026-02-30")))
                .isEqualTo("400 PARAM_INVALID date");
    }

    @Test
    void one_order_comes_with_its_routing_attempts_and_refunds_and_only_for_its_merchant() throws Exception {
        String id = anOrder(mch, "app-a", "D1", "WX_NATIVE", "wxpay-b", "SUCCESS", 900, "2026-11-20T02:00:00");
        anAttempt(id, 1, "wxpay-a", "REJECTED", "SYSTEMERROR", 120);
        anAttempt(id, 2, "wxpay-b", "ACCEPTED", null, 35);
        MvcResult refund = portalRefund(mch, "{\"pay_order_id\":\"" + id + "\",\"amount\":300,\"reason\":\"broken\"}");
        assertThat(refund.getResponse().getStatus()).isEqualTo(201);

        JsonNode detail = ok(get("/internal/portal/orders/" + id).param("mch_no", mch));

        assertThat(detail.get("order").get("pay_order_id").asString()).isEqualTo(id);
        assertThat(detail.get("order").get("refunded_amount").asLong()).isEqualTo(300);
        assertThat(detail.get("attempts")).extracting(a -> a.get("channel").asString() + " " + a.get("outcome")
                .asString()).containsExactly("wxpay-a REJECTED", "wxpay-b ACCEPTED");
        assertThat(detail.get("attempts").get(0).get("channel_code").asString()).isEqualTo("SYSTEMERROR");
        assertThat(detail.get("attempts").get(0).get("latency_ms").asLong()).isEqualTo(120);
        assertThat(detail.get("refunds")).singleElement().satisfies(r -> {
            assertThat(r.get("amount").asLong()).isEqualTo(300);
            assertThat(r.get("reason").asString()).isEqualTo("broken");
            assertThat(r.get("mch_refund_no").asString()).matches("portal-[0-9a-f]{24}");
        });
        assertThat(problem(get("/internal/portal/orders/" + id).param("mch_no", other)))
                .isEqualTo("404 ORDER_NOT_FOUND pay_order_id");
        assertThat(problem(get("/internal/portal/orders/po_nosuchorder").param("mch_no", mch)))
                .isEqualTo("404 ORDER_NOT_FOUND pay_order_id");
    }

    @Test
    void a_portal_refund_follows_the_merchant_api_rules_and_stays_inside_the_merchant() throws Exception {
        String id = anOrder(mch, "app-a", "R1", "ALI_QR", "alipay-a", "SUCCESS", 1000, "2026-11-20T02:00:00");
        String unpaid = anOrder(mch, "app-a", "R2", "ALI_QR", "alipay-a", "PAYING", 1000, "2026-11-20T02:00:00");

        MvcResult first = portalRefund(mch, body(id, 600, "K1" + mch));
        MvcResult repeat = portalRefund(mch, body(id, 600, "K1" + mch));
        MvcResult tooMuch = portalRefund(mch, body(id, 500, "K2" + mch));
        MvcResult conflict = portalRefund(mch, body(id, 100, "K1" + mch));
        MvcResult notPaid = portalRefund(mch, body(unpaid, 100, "K3" + mch));
        MvcResult foreign = portalRefund(other, body(id, 100, "K4" + mch));
        MvcResult noAmount = portalRefund(mch, "{\"pay_order_id\":\"" + id + "\"}");
        MvcResult noOrder = portalRefund(mch, "{\"amount\":100}");

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(read(first).get("state").asString()).isEqualTo("SUCCESS");
        assertThat(repeat.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(repeat).get("refund_id").asString()).isEqualTo(read(first).get("refund_id").asString());
        assertThat(status(tooMuch)).isEqualTo("409 REFUND_EXCEEDS_PAID amount");
        assertThat(status(conflict)).isEqualTo("409 MCH_REFUND_NO_CONFLICT mch_refund_no");
        assertThat(status(notPaid)).isEqualTo("409 ORDER_NOT_PAID pay_order_id");
        assertThat(status(foreign)).isEqualTo("404 ORDER_NOT_FOUND pay_order_id");
        assertThat(status(noAmount)).isEqualTo("400 PARAM_REQUIRED amount");
        assertThat(status(noOrder)).isEqualTo("400 PARAM_REQUIRED pay_order_id");
        assertThat(jdbc.queryForObject("SELECT app_id FROM refund WHERE pay_order_id = ?", String.class, id))
                .as("the refund belongs to the app that took the order").isEqualTo("app-a");
    }

    @Test
    void refunds_are_listed_per_merchant_in_pages_and_by_state() throws Exception {
        String a = anOrder(mch, "app-a", "L1", "ALI_QR", "alipay-a", "SUCCESS", 1000, "2026-11-20T02:00:00");
        anOrder(other, "app-x", "L9", "ALI_QR", "alipay-a", "SUCCESS", 1000, "2026-11-20T02:00:00");
        for (int i = 0; i < 3; i++) {
            assertThat(portalRefund(mch, body(a, 100, "L" + i + mch)).getResponse().getStatus()).isEqualTo(201);
        }
        jdbc.update("UPDATE refund SET state = 'FAILED' WHERE mch_refund_no = ?", "L0" + mch);

        JsonNode first = ok(get("/internal/portal/refunds").param("mch_no", mch).param("limit", "2"));
        JsonNode second = ok(get("/internal/portal/refunds").param("mch_no", mch).param("limit", "2")
                .param("cursor", first.get("next_cursor").asString()));

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        List<String> all = new ArrayList<>();
        first.get("items").forEach(r -> all.add(r.get("mch_refund_no").asString()));
        second.get("items").forEach(r -> all.add(r.get("mch_refund_no").asString()));
        assertThat(all).containsExactlyInAnyOrder("L0" + mch, "L1" + mch, "L2" + mch);
        assertThat(ok(get("/internal/portal/refunds").param("mch_no", mch).param("state", "FAILED")).get("items"))
                .extracting(r -> r.get("mch_refund_no").asString()).containsExactly("L0" + mch);
        assertThat(ok(get("/internal/portal/refunds").param("mch_no", other)).get("items")).isEmpty();
    }

    @Test
    void the_dashboard_sums_the_shanghai_day_by_pay_way_and_hour() throws Exception {
        // 2026-11-22 in Shanghai: 2026-11-21T16:00Z .. 2026-11-22T16:00Z
        paid(anOrder(mch, "app-a", "H1", "WX_NATIVE", "wxpay-a", "SUCCESS", 1000, "2026-11-22T01:10:00"),
                "2026-11-22T01:20:00");
        paid(anOrder(mch, "app-a", "H2", "WX_NATIVE", "wxpay-a", "SUCCESS", 500, "2026-11-22T01:30:00"),
                "2026-11-22T01:40:00");
        paid(anOrder(mch, "app-b", "H3", "ALI_QR", "alipay-a", "SUCCESS", 2000, "2026-11-21T16:30:00"),
                "2026-11-21T16:31:00");
        anOrder(mch, "app-a", "H4", "ALI_QR", "alipay-a", "CLOSED", 300, "2026-11-22T02:00:00");
        // created the day before, paid in the first minute of the day: paid volume of the day, not an order of it
        paid(anOrder(mch, "app-a", "H5", "ALI_QR", "alipay-a", "SUCCESS", 700, "2026-11-21T15:59:00"),
                "2026-11-21T16:00:30");
        anOrder(other, "app-x", "H9", "ALI_QR", "alipay-a", "SUCCESS", 99999, "2026-11-22T02:00:00");

        JsonNode d = ok(get("/internal/portal/dashboard").param("mch_no", mch).param("date", "2026-11-22"));

        assertThat(d.get("date").asString()).isEqualTo("2026-11-22");
        assertThat(d.get("currency").asString()).isEqualTo("CNY");
        assertThat(d.get("order_count").asLong()).isEqualTo(4);
        assertThat(d.get("success_count").asLong()).isEqualTo(3);
        assertThat(d.get("success_rate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(d.get("paid_count").asLong()).isEqualTo(4);
        assertThat(d.get("paid_amount").asLong()).isEqualTo(4200);
        assertThat(d.get("by_pay_way")).extracting(w -> w.get("pay_way").asString() + " " + w.get("order_count")
                + " " + w.get("paid_count") + " " + w.get("paid_amount"))
                .containsExactly("ALI_QR 2 2 2700", "WX_NATIVE 2 2 1500");
        assertThat(d.get("by_hour")).extracting(h -> h.get("hour").asInt() + " " + h.get("pay_way").asString() + " "
                + h.get("paid_amount")).containsExactly("0 ALI_QR 2700", "9 WX_NATIVE 1500");
        JsonNode empty = ok(get("/internal/portal/dashboard").param("mch_no", mch).param("date", "2026-11-23"));
        assertThat(empty.get("order_count").asLong()).isZero();
        assertThat(empty.get("success_rate").isNull()).isTrue();
    }

    @Test
    void the_statement_covers_every_app_of_the_merchant_and_nothing_of_another() throws Exception {
        String s1 = anOrder(mch, "app-a", "S1", "ALI_QR", "alipay-a", "SUCCESS", 1000, "2026-11-24T02:00:00");
        paid(s1, "2026-11-24T02:00:00");
        String s2 = anOrder(mch, "app-b", "S2", "ALI_QR", "alipay-a", "SUCCESS", 133, "2026-11-24T03:00:00");
        paid(s2, "2026-11-24T03:00:00");
        paid(anOrder(other, "app-x", "S9", "ALI_QR", "alipay-a", "SUCCESS", 777, "2026-11-24T03:00:00"),
                "2026-11-24T03:00:00");

        MvcResult r = mvc.perform(get("/internal/portal/statements/2026-11-24").param("mch_no", mch)
                .with(FROM_PORTAL)).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        String csv = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("# statement of merchant " + mch
                + " (all apps) for 2026-11-24 (Asia/Shanghai); amounts in fen");
        assertThat(csv.lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
                "type,pay_order_id,mch_order_no,refund_id,mch_refund_no,channel,pay_way,amount,fee,net,time",
                "PAYMENT," + s1 + ",mo" + mch + "S1,,,alipay-a,ALI_QR,1000,4,996,2026-11-24T10:00+08:00",
                "PAYMENT," + s2 + ",mo" + mch + "S2,,,alipay-a,ALI_QR,133,1,132,2026-11-24T11:00+08:00",
                "TOTAL,,,,,,,1133,5,1128,");
    }

    @Test
    void only_merchant_service_may_call_the_portal_endpoints() throws Exception {
        for (String caller : List.of("gateway-service", "channel-router-service", "notify-service")) {
            MvcResult r = mvc.perform(get("/internal/portal/orders").param("mch_no", mch)
                    .with(asService(caller, "order-service"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(caller).isEqualTo(403);
            assertThat(r.getResponse().getContentAsString()).contains("SERVICE_FORBIDDEN");
        }
    }

    private String anOrder(String mchNo, String app, String n, String payWay, String channel, String state,
                           long amount, String createdAtUtc) {
        LocalDateTime at = LocalDateTime.parse(createdAtUtc);
        // made as order-service makes them: on shards an attempt row finds its order's shard by the id alone
        String id = "po_" + MerchantSlots.randomHex(mchNo);
        jdbc.update("""
                INSERT INTO pay_order (pay_order_id, mch_no, app_id, mch_order_no, amount, currency, pay_way, subject,
                       state, channel, out_trade_no, pay_data_type, pay_data, fee_rate_ppm, created_at, expires_at,
                       paid_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'CNY', ?, 'x', ?, ?, ?, 'CODE_URL', 'weixin://x', 3800, ?, ?, ?, ?)""",
                id, mchNo, app, "mo" + mchNo + n, amount, payWay, state, channel, (mchNo + n + "01"), at,
                at.plusMinutes(15), "SUCCESS".equals(state) ? at : null, at);
        return id;
    }

    private void paid(String payOrderId, String paidAtUtc) {
        jdbc.update("UPDATE pay_order SET paid_at = ? WHERE pay_order_id = ?", LocalDateTime.parse(paidAtUtc),
                payOrderId);
    }

    private void anAttempt(String payOrderId, int seq, String channel, String outcome, String code, long latency) {
        jdbc.update("INSERT INTO pay_attempt (pay_order_id, seq, channel, out_trade_no, outcome, channel_code,"
                        + " latency_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", payOrderId, seq, channel,
                payOrderId.substring(3) + seq, outcome, code, latency, LocalDateTime.parse("2026-11-20T02:00:00"));
    }

    private static String body(String payOrderId, long amount, String mchRefundNo) {
        return "{\"pay_order_id\":\"" + payOrderId + "\",\"amount\":" + amount + ",\"mch_refund_no\":\"" + mchRefundNo
                + "\",\"reason\":\"returned\"}";
    }

    private MvcResult portalRefund(String mchNo, String body) throws Exception {
        return mvc.perform(post("/internal/portal/refunds").param("mch_no", mchNo).with(FROM_PORTAL)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(FROM_PORTAL)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return read(r);
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        List<String> ids = new ArrayList<>();
        ok(request).get("items").forEach(o -> ids.add(o.get("pay_order_id").asString()));
        return ids;
    }

    private String problem(MockHttpServletRequestBuilder request) throws Exception {
        return status(mvc.perform(request.with(FROM_PORTAL)).andReturn());
    }

    private String status(MvcResult r) throws Exception {
        JsonNode p = read(r);
        return r.getResponse().getStatus() + " " + p.get("code").asString() + " "
                + (p.hasNonNull("param") ? p.get("param").asString() : "");
    }

    private JsonNode read(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
