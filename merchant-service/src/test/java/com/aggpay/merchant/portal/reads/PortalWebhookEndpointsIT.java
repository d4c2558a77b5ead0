package com.aggpay.merchant.portal.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.portal.auth.MerchantRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
 * The portal's webhook endpoints (list, enable and replay, test send) through the real portal authentication, with
 * notify-service stood in for by a local HTTP server that records every call: what reaches notify names the caller's
 * merchant only, viewers read but do not act, and notify failing is a 503 problem.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortalWebhookEndpointsIT {

    private static final DownstreamStub NOTIFY = new DownstreamStub();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIST = "GET /internal/portal/webhooks/endpoints";
    private static final String ENABLE = "POST /internal/portal/webhooks/endpoints/enable";
    private static final String TEST = "POST /internal/portal/webhooks/test";
    private static final String ENDPOINTS = "[{\"url\":\"https://shop.example/hooks\",\"state\":\"DISABLED\","
            + "\"disabled_reason\":\"GONE\",\"disabled_at\":\"2026-12-01T02:00:00Z\",\"failing_since\":"
            + "\"2026-11-30T02:00:00Z\",\"consecutive_failures\":7,\"pending_events\":3,\"last_errors\":[{\"at\":"
            + "\"2026-12-01T02:00:00Z\",\"http_status\":410,\"outcome\":\"GONE\",\"error\":null,"
            + "\"response_excerpt\":\"gone\"}]}]";

    @DynamicPropertySource
    static void notifyService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.notify-service[0].uri", NOTIFY::url);
    }

    @AfterAll
    static void stopNotify() {
        NOTIFY.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatorToken tokens;
    private String mchNo;
    private String appId;
    private String bareAppId;
    private String owner;
    private String developer;
    private String viewer;
    private String otherMerchantsAppId;
    private String unapprovedOwner;

    @BeforeEach
    void twoApprovedMerchantsAndOneNotApprovedYet() {
        NOTIFY.reset();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mchNo = "M" + run;
        String merchantId = "mer_" + run;
        jdbc.update("INSERT INTO merchant (merchant_id, mch_no, company_name, state) VALUES (?, ?, 'Cafe', 'APPROVED')",
                merchantId, mchNo);
        appId = app(merchantId, "app_" + run, "https://shop.example/hooks");
        bareAppId = app(merchantId, "app_b" + run, null);
        owner = user(merchantId, MerchantRole.OWNER);
        developer = user(merchantId, MerchantRole.DEVELOPER);
        viewer = user(merchantId, MerchantRole.VIEWER);
        String otherId = "mer_o" + run;
        jdbc.update("INSERT INTO merchant (merchant_id, mch_no, company_name, state) VALUES (?, ?, 'Bakery',"
                + " 'APPROVED')", otherId, "N" + run);
        otherMerchantsAppId = app(otherId, "app_o" + run, "https://bakery.example/hooks");
        String draftId = "mer_d" + run;
        jdbc.update("INSERT INTO merchant (merchant_id, company_name, state) VALUES (?, 'New cafe', 'DRAFT')", draftId);
        unapprovedOwner = user(draftId, MerchantRole.OWNER);
    }

    @Test
    void a_viewer_lists_the_merchants_endpoints_as_notify_service_answers_them() throws Exception {
        NOTIFY.answer(LIST, 200, ENDPOINTS);

        MvcResult listed = send(get("/api/portal/webhooks/endpoints"), viewer);

        assertThat(listed.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(listed)).isEqualTo(JSON.readTree(ENDPOINTS));
        DownstreamStub.Call call = NOTIFY.only();
        assertThat(call.query()).isEqualTo("mch_no=" + mchNo);
        OperatorToken serviceKey = new OperatorToken(Base64.getDecoder()
                .decode("YWdncGF5LWxvY2FsLW9ubHktc2VydmljZS10b2tlbi1rZXk="), Clock.systemUTC());
        OperatorToken.Claims claims = ((OperatorToken.Verification.Valid) serviceKey.verify(call.serviceToken()))
                .claims();
        assertThat(claims.subject() + "->" + claims.role()).isEqualTo("merchant-service->notify-service");
    }

    @Test
    void a_merchant_not_approved_yet_has_no_endpoints_and_notify_is_not_asked() throws Exception {
        MvcResult listed = send(get("/api/portal/webhooks/endpoints"), unapprovedOwner);

        assertThat(listed.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(listed).isArray()).isTrue();
        assertThat(read(listed)).isEmpty();
        assertThat(NOTIFY.calls).isEmpty();
    }

    @Test
    void developers_and_owners_enable_their_merchants_endpoint_and_viewers_cannot() throws Exception {
        NOTIFY.answer(ENABLE, 200, "{\"url\":\"https://shop.example/hooks\",\"state\":\"ACTIVE\",\"replayed\":3}");
        String body = "{\"url\":\"https://shop.example/hooks\"}";

        MvcResult byViewer = send(post("/api/portal/webhooks/endpoints/enable").contentType(MediaType.APPLICATION_JSON)
                .content(body), viewer);
        MvcResult notAUrl = send(post("/api/portal/webhooks/endpoints/enable").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"javascript:alert(1)\"}"), owner);
        assertThat(NOTIFY.calls).isEmpty();
        MvcResult byDeveloper = send(post("/api/portal/webhooks/endpoints/enable")
                .contentType(MediaType.APPLICATION_JSON).content(body), developer);
        MvcResult byOwner = send(post("/api/portal/webhooks/endpoints/enable").contentType(MediaType.APPLICATION_JSON)
                .content(body), owner);

        assertThat(status(byViewer)).isEqualTo("403 PORTAL_FORBIDDEN ");
        assertThat(status(notAUrl)).isEqualTo("400 INVALID_REQUEST url");
        assertThat(byDeveloper.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(byDeveloper).get("replayed").asInt()).isEqualTo(3);
        assertThat(read(byDeveloper).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(byOwner.getResponse().getStatus()).isEqualTo(200);
        assertThat(NOTIFY.calls).hasSize(2);
        assertThat(JSON.readTree(NOTIFY.calls.get(0).body())).isEqualTo(JSON.readTree(
                "{\"mch_no\":\"" + mchNo + "\",\"url\":\"https://shop.example/hooks\"}"));
    }

    @Test
    void another_merchants_endpoint_is_not_found_for_this_merchant() throws Exception {
        // notify-service keys endpoints by merchant: under this merchant's number the other's URL does not exist
        NOTIFY.answer(ENABLE, 404, "{\"code\":\"ENDPOINT_NOT_FOUND\"}");

        MvcResult foreign = send(post("/api/portal/webhooks/endpoints/enable").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://bakery.example/hooks\"}"), owner);
        MvcResult notApproved = send(post("/api/portal/webhooks/endpoints/enable")
                .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://bakery.example/hooks\"}"),
                unapprovedOwner);

        assertThat(status(foreign)).isEqualTo("404 NOT_FOUND url");
        assertThat(status(notApproved)).isEqualTo("404 NOT_FOUND url");
        assertThat(JSON.readTree(NOTIFY.only().body()).get("mch_no").asString()).isEqualTo(mchNo);
    }

    @Test
    void a_developer_test_sends_to_an_apps_webhook_url_and_sees_what_the_endpoint_answered() throws Exception {
        NOTIFY.answer(TEST, 200, "{\"delivered\":false,\"http_status\":500,\"latency_ms\":42,\"error\":null,"
                + "\"response_excerpt\":\"boom\",\"event_id\":\"evt_t1\"}");

        MvcResult tested = send(post("/api/portal/webhooks/test").contentType(MediaType.APPLICATION_JSON)
                .content("{\"app_id\":\"" + appId + "\"}"), developer);

        assertThat(tested.getResponse().getStatus()).isEqualTo(200);
        JsonNode result = read(tested);
        assertThat(result.get("delivered").asBoolean()).isFalse();
        assertThat(result.get("http_status").asInt()).isEqualTo(500);
        assertThat(result.get("response_excerpt").asString()).isEqualTo("boom");
        assertThat(JSON.readTree(NOTIFY.only().body())).isEqualTo(JSON.readTree("{\"mch_no\":\"" + mchNo
                + "\",\"app_id\":\"" + appId + "\",\"url\":\"https://shop.example/hooks\"}"));
    }

    @Test
    void a_test_send_needs_a_developer_and_an_own_app_with_a_webhook_url() throws Exception {
        NOTIFY.answer(TEST, 200, "{\"delivered\":true,\"http_status\":200,\"latency_ms\":5,\"event_id\":\"evt_t2\"}");

        MvcResult byViewer = send(post("/api/portal/webhooks/test").contentType(MediaType.APPLICATION_JSON)
                .content("{\"app_id\":\"" + appId + "\"}"), viewer);
        MvcResult foreignApp = send(post("/api/portal/webhooks/test").contentType(MediaType.APPLICATION_JSON)
                .content("{\"app_id\":\"" + otherMerchantsAppId + "\"}"), owner);
        MvcResult noUrl = send(post("/api/portal/webhooks/test").contentType(MediaType.APPLICATION_JSON)
                .content("{\"app_id\":\"" + bareAppId + "\"}"), owner);
        MvcResult noAppId = send(post("/api/portal/webhooks/test").contentType(MediaType.APPLICATION_JSON)
                .content("{}"), owner);

        assertThat(status(byViewer)).isEqualTo("403 PORTAL_FORBIDDEN ");
        assertThat(status(foreignApp)).isEqualTo("404 APP_UNKNOWN app_id");
        assertThat(status(noUrl)).isEqualTo("409 STATE_CONFLICT app_id");
        assertThat(status(noAppId)).isEqualTo("400 INVALID_REQUEST app_id");
        assertThat(NOTIFY.calls).isEmpty();
    }

    @Test
    void notify_failing_or_hanging_up_is_a_503_problem_for_every_call() throws Exception {
        NOTIFY.answer(LIST, 503, "{\"code\":\"INTERNAL_ERROR\"}");
        NOTIFY.hangUp(ENABLE);
        NOTIFY.hangUp(TEST);

        MvcResult list = send(get("/api/portal/webhooks/endpoints"), viewer);
        MvcResult enable = send(post("/api/portal/webhooks/endpoints/enable").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://shop.example/hooks\"}"), owner);
        MvcResult test = send(post("/api/portal/webhooks/test").contentType(MediaType.APPLICATION_JSON)
                .content("{\"app_id\":\"" + appId + "\"}"), owner);

        assertThat(status(list)).isEqualTo("503 DEPENDENCY_UNAVAILABLE ");
        assertThat(status(enable)).isEqualTo("503 DEPENDENCY_UNAVAILABLE ");
        assertThat(status(test)).isEqualTo("503 DEPENDENCY_UNAVAILABLE ");
        assertThat(list.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private String app(String merchantId, String id, String webhookUrl) {
        jdbc.update("INSERT INTO merchant_app (app_id, merchant_id, name, state, app_secret_enc, webhook_secret_enc,"
                + " webhook_url) VALUES (?, ?, 'shop', 'ACTIVE', 'x', 'x', ?)", id, merchantId, webhookUrl);
        return id;
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

    private static String status(MvcResult r) throws Exception {
        JsonNode p = read(r);
        return r.getResponse().getStatus() + " " + p.get("code").asString() + " "
                + (p.hasNonNull("param") ? p.get("param").asString() : "");
    }

    private static JsonNode read(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
