package com.aggpay.merchant.portal.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.portal.auth.MerchantRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's read endpoints through the real portal authentication (a bearer token of a merchant user stored in
 * MariaDB), with order-service and notify-service stood in for by one local HTTP server that records every call.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortalReadsApiIT {

    private static final DownstreamStub DOWNSTREAM = new DownstreamStub();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", DOWNSTREAM::url);
        registry.add("spring.cloud.discovery.client.simple.instances.notify-service[0].uri", DOWNSTREAM::url);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatorToken tokens;
    private String mchNo;
    private String owner;
    private String developer;
    private String viewer;
    private String unapprovedOwner;

    @BeforeEach
    void anApprovedMerchantWithThreeUsersAndOneNotApprovedYet() {
        DOWNSTREAM.reset();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mchNo = "M" + run;
        String merchantId = "mer_" + run;
        jdbc.update("INSERT INTO merchant (merchant_id, mch_no, company_name, state) VALUES (?, ?, 'Cafe', 'APPROVED')",
                merchantId, mchNo);
        owner = user(merchantId, MerchantRole.OWNER);
        developer = user(merchantId, MerchantRole.DEVELOPER);
        viewer = user(merchantId, MerchantRole.VIEWER);
        String draftId = "mer_d" + run;
        jdbc.update("INSERT INTO merchant (merchant_id, company_name, state) VALUES (?, 'New cafe', 'DRAFT')", draftId);
        unapprovedOwner = user(draftId, MerchantRole.OWNER);
    }

    @Test
    void a_viewer_lists_the_merchants_orders_with_the_filters_passed_on_and_the_page_as_answered() throws Exception {
        DOWNSTREAM.answer("GET /internal/portal/orders", 200, "{\"items\":[{\"pay_order_id\":\"po_1\",\"amount\":1234,"
                + "\"app_id\":\"demo-app\"}],\"next_cursor\":\"abc_-1\"}");

        JsonNode page = ok(get("/api/portal/orders").param("state", "SUCCESS").param("pay_way", "WX_NATIVE")
                .param("min_amount", "100").param("from", "2026-11-20").param("to", "2026-11-21T00:00:00+08:00")
                .param("limit", "50"), viewer);

        assertThat(page.get("items").get(0).get("pay_order_id").asString()).isEqualTo("po_1");
        assertThat(page.get("next_cursor").asString()).isEqualTo("abc_-1");
        DownstreamStub.Call call = DOWNSTREAM.only();
        assertThat(call.query()).contains("mch_no=" + mchNo, "state=SUCCESS", "pay_way=WX_NATIVE", "min_amount=100",
                "from=2026-11-20", "limit=50");
        // the test profile's service token key (ServiceCallsForTests): the call is signed as merchant-service's
        OperatorToken serviceKey = new OperatorToken(java.util.Base64.getDecoder()
                .decode("YWdncGF5LWxvY2FsLW9ubHktc2VydmljZS10b2tlbi1rZXk="), java.time.Clock.systemUTC());
        OperatorToken.Claims claims = ((OperatorToken.Verification.Valid) serviceKey.verify(call.serviceToken()))
                .claims();
        assertThat(claims.subject() + "->" + claims.role()).isEqualTo("merchant-service->order-service");
    }

    @Test
    void a_merchant_without_a_merchant_number_has_empty_lists_and_an_empty_dashboard() throws Exception {
        JsonNode orders = ok(get("/api/portal/orders"), unapprovedOwner);
        JsonNode events = ok(get("/api/portal/webhooks/events"), unapprovedOwner);
        JsonNode dashboard = ok(get("/api/portal/dashboard").param("date", "2026-11-20"), unapprovedOwner);

        assertThat(orders.get("items")).isEmpty();
        assertThat(orders.get("next_cursor").isNull()).isTrue();
        assertThat(events.get("items")).isEmpty();
        assertThat(dashboard.get("date").asString()).isEqualTo("2026-11-20");
        assertThat(dashboard.get("order_count").asLong()).isZero();
        assertThat(dashboard.get("by_hour")).isEmpty();
        assertThat(DOWNSTREAM.calls).isEmpty();
    }

    @Test
    void malformed_parameters_are_refused_naming_the_parameter_before_any_downstream_call() throws Exception {
        assertThat(problem(get("/api/portal/orders").param("limit", "0"), viewer)).isEqualTo("400 INVALID_REQUEST limit");
        assertThat(problem(get("/api/portal/orders").param("min_amount", "1e2"), viewer))
                .isEqualTo("400 INVALID_REQUEST min_amount");
        assertThat(problem(get("/api/portal/orders").param("from", "yesterday"), viewer))
                .isEqualTo("400 INVALID_REQUEST from");
        assertThat(problem(get("/api/portal/orders").param("state", "paid"), viewer))
                .isEqualTo("400 INVALID_REQUEST state");
        assertThat(problem(get("/api/portal/refunds").param("cursor", "a b"), viewer))
                .isEqualTo("400 INVALID_REQUEST cursor");
        assertThat(problem(get("/api/portal/webhooks/events").param("type", "payment"), viewer))
                .isEqualTo("400 INVALID_REQUEST type");
        assertThat(problem(get("/api/portal/statements/2026-13-01"), viewer)).isEqualTo("400 INVALID_REQUEST date");
        assertThat(DOWNSTREAM.calls).isEmpty();
    }

    @Test
    void a_refusal_downstream_keeps_its_parameter_and_an_unknown_order_is_404() throws Exception {
        DOWNSTREAM.answer("GET /internal/portal/orders", 400,
                "{\"code\":\"PARAM_INVALID\",\"param\":\"pay_way\",\"detail\":\"pay_way must be one of ...\"}");
        DOWNSTREAM.answer("GET /internal/portal/orders/po_x", 404,
                "{\"code\":\"ORDER_NOT_FOUND\",\"param\":\"pay_order_id\"}");

        assertThat(problem(get("/api/portal/orders").param("pay_way", "CASH"), viewer))
                .isEqualTo("400 INVALID_REQUEST pay_way");
        assertThat(problem(get("/api/portal/orders/po_x"), viewer)).isEqualTo("404 NOT_FOUND pay_order_id");
        assertThat(DOWNSTREAM.calls.get(1).query()).isEqualTo("mch_no=" + mchNo);
    }

    @Test
    void only_the_owner_refunds_and_the_merchant_api_refusals_come_back_as_they_are() throws Exception {
        DOWNSTREAM.answer("POST /internal/portal/refunds", 201, "{\"refund_id\":\"rf_1\",\"state\":\"SUCCESS\"}");
        String body = "{\"pay_order_id\":\"po_1\",\"amount\":300,\"reason\":\"broken\"}";

        MvcResult byViewer = send(post("/api/portal/refunds").contentType(MediaType.APPLICATION_JSON).content(body),
                viewer);
        MvcResult byDeveloper = send(post("/api/portal/refunds").contentType(MediaType.APPLICATION_JSON)
                .content(body), developer);
        MvcResult fractional = send(post("/api/portal/refunds").contentType(MediaType.APPLICATION_JSON)
                .content("{\"pay_order_id\":\"po_1\",\"amount\":12.5}"), owner);
        assertThat(DOWNSTREAM.calls).isEmpty();
        MvcResult byOwner = send(post("/api/portal/refunds").contentType(MediaType.APPLICATION_JSON).content(body),
                owner);
        DOWNSTREAM.answer("POST /internal/portal/refunds", 409,
                "{\"code\":\"REFUND_EXCEEDS_PAID\",\"param\":\"amount\",\"detail\":\"At most 700 ...\"}");
        MvcResult tooMuch = send(post("/api/portal/refunds").contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("300", "5000")), owner);

        assertThat(status(byViewer)).isEqualTo("403 PORTAL_FORBIDDEN ");
        assertThat(status(byDeveloper)).isEqualTo("403 PORTAL_FORBIDDEN ");
        assertThat(status(fractional)).isEqualTo("400 INVALID_REQUEST amount");
        assertThat(byOwner.getResponse().getStatus()).isEqualTo(201);
        assertThat(read(byOwner).get("refund_id").asString()).isEqualTo("rf_1");
        assertThat(DOWNSTREAM.calls.get(0).query()).isEqualTo("mch_no=" + mchNo);
        assertThat(JSON.readTree(DOWNSTREAM.calls.get(0).body())).isEqualTo(JSON.readTree(
                "{\"pay_order_id\":\"po_1\",\"amount\":300,\"reason\":\"broken\"}"));
        assertThat(status(tooMuch)).isEqualTo("409 REFUND_EXCEEDS_PAID amount");
    }

    @Test
    void developers_resend_their_merchants_events_and_viewers_cannot() throws Exception {
        DOWNSTREAM.answer("POST /internal/portal/webhooks/events/evt_1/resend", 202,
                "{\"event_id\":\"evt_1\",\"state\":\"PENDING\",\"attempts\":[]}");
        DOWNSTREAM.answer("POST /internal/portal/webhooks/events/evt_2/resend", 404,
                "{\"code\":\"EVENT_UNKNOWN\",\"param\":\"event_id\"}");

        MvcResult byViewer = send(post("/api/portal/webhooks/events/evt_1/resend"), viewer);
        MvcResult byDeveloper = send(post("/api/portal/webhooks/events/evt_1/resend"), developer);
        MvcResult foreign = send(post("/api/portal/webhooks/events/evt_2/resend"), owner);

        assertThat(status(byViewer)).isEqualTo("403 PORTAL_FORBIDDEN ");
        assertThat(byDeveloper.getResponse().getStatus()).isEqualTo(202);
        assertThat(read(byDeveloper).get("state").asString()).isEqualTo("PENDING");
        assertThat(status(foreign)).isEqualTo("404 NOT_FOUND event_id");
        assertThat(DOWNSTREAM.calls).extracting(DownstreamStub.Call::query).containsOnly("mch_no=" + mchNo);
        assertThat(DOWNSTREAM.calls).hasSize(2);
    }

    @Test
    void the_dashboard_and_the_statement_come_from_order_service_and_an_outage_is_503() throws Exception {
        DOWNSTREAM.answer("GET /internal/portal/dashboard", 200, "{\"date\":\"2026-11-20\",\"order_count\":3}");
        DOWNSTREAM.answer("GET /internal/portal/statements/2026-11-20", 200, "text/csv",
                "# statement\ntype,pay_order_id\nTOTAL,\n");

        JsonNode dashboard = ok(get("/api/portal/dashboard"), viewer);
        MvcResult statement = send(get("/api/portal/statements/2026-11-20"), viewer);
        DOWNSTREAM.answer("GET /internal/portal/orders", 503, "{\"code\":\"INTERNAL_ERROR\"}");
        MvcResult outage = send(get("/api/portal/orders"), viewer);

        assertThat(dashboard.get("order_count").asLong()).isEqualTo(3);
        assertThat(DOWNSTREAM.calls.get(0).query()).isEqualTo("mch_no=" + mchNo);
        assertThat(statement.getResponse().getStatus()).isEqualTo(200);
        assertThat(statement.getResponse().getContentType()).startsWith("text/csv");
        assertThat(statement.getResponse().getContentAsString()).isEqualTo("# statement\ntype,pay_order_id\nTOTAL,\n");
        assertThat(status(outage)).isEqualTo("503 DEPENDENCY_UNAVAILABLE ");
    }

    @Test
    void without_a_portal_token_nothing_is_read() throws Exception {
        MvcResult anonymous = mvc.perform(get("/api/portal/orders")).andReturn();

        assertThat(status(anonymous)).isEqualTo("401 PORTAL_UNAUTHENTICATED ");
        assertThat(DOWNSTREAM.calls).isEmpty();
    }

    private String user(String merchantId, MerchantRole role) {
        String userId = "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.update("INSERT INTO merchant_user (user_id, merchant_id, email, password_hash, role) VALUES (?, ?, ?,"
                + " 'x', ?)", userId, merchantId, userId + "@shop.example", role.name());
        return tokens.issue(userId, role.tokenRole(), Duration.ofMinutes(10)).token();
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, String token) throws Exception {
        MvcResult r = send(request, token);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return read(r);
    }

    private String problem(MockHttpServletRequestBuilder request, String token) throws Exception {
        return status(send(request, token));
    }

    private static String status(MvcResult r) throws Exception {
        JsonNode p = read(r);
        return r.getResponse().getStatus() + " " + p.get("code").asString() + " "
                + (p.hasNonNull("param") ? p.get("param").asString() : "");
    }

    private static JsonNode read(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
