package com.aggpay.notify.portal;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.notify.support.FakeMerchantService;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's and the operators' webhook lists and the portal resend, against the real MariaDB and the real
 * delivery engine. No Kafka: events are stored as intake would store them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortalWebhooksIT {

    private static final RequestPostProcessor FROM_PORTAL = asService("merchant-service", "notify-service");
    private static final FakeMerchantService MERCHANT_SERVICE = new FakeMerchantService();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // a schema of its own: events other tests leave pending are nobody's business here
        registry.add("spring.datasource.url", () -> "jdbc:mysql://" + System.getenv().getOrDefault("AGGPAY_DB_HOST",
                "127.0.0.1") + ":" + System.getenv().getOrDefault("AGGPAY_DB_PORT", "3306")
                + "/aggpaytest_notify_portal?createDatabaseIfNotExist=true&serverTimezone=UTC&useSSL=false"
                + "&allowPublicKeyRetrieval=true&characterEncoding=utf8");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("spring.cloud.discovery.client.simple.instances.merchant-service[0].uri",
                MERCHANT_SERVICE::baseUrl);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    private String mch;
    private String other;
    private HttpServer endpoint;
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final Queue<String> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void twoMerchants() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mch = "WM" + run;
        other = "WX" + run;
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Integer status = statuses.poll();
            String answer = answers.poll();
            byte[] body = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void a_merchants_events_come_newest_first_in_pages_each_with_its_attempts() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(0, anEvent(mch, "app-a", "payment.succeeded", "DELIVERED", Instant.parse("2026-11-20T02:00:00Z")
                    .plusSeconds(i / 2)));
        }
        anEvent(other, "app-x", "payment.succeeded", "DELIVERED", Instant.parse("2026-11-20T02:00:09Z"));
        anAttempt(mine.get(0), 1, 500, "HTTP_ERROR", "HTTP_500", "{\"error\":\"busy\"}");
        anAttempt(mine.get(0), 2, 200, "DELIVERED", null, "ok");

        List<String> seen = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(get("/internal/portal/webhooks/events").param("mch_no", mch).param("limit", "2")
                    .param("cursor", cursor));
            pages.add(page);
            page.get("items").forEach(e -> seen.add(e.get("event_id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null && pages.size() < 10);

        assertThat(pages).hasSize(3);
        List<String> newestFirst = jdbc.queryForList("SELECT event_id FROM webhook_event WHERE mch_no = ?"
                + " ORDER BY created_at DESC, id DESC", String.class, mch);
        assertThat(seen).containsExactlyElementsOf(newestFirst).containsExactlyInAnyOrderElementsOf(mine);
        JsonNode first = pages.get(0).get("items").get(0);
        assertThat(first.get("type").asString()).isEqualTo("payment.succeeded");
        assertThat(first.get("created_at").asString()).isEqualTo("2026-11-20T02:00:02Z");
        JsonNode withAttempts = find(pages, mine.get(0));
        assertThat(withAttempts.get("attempts")).extracting(a -> a.get("attempt_no").asInt() + " "
                + a.get("http_status").asInt() + " " + a.get("outcome").asString() + " "
                + a.get("response_excerpt").asString()).containsExactly("1 500 HTTP_ERROR {\"error\":\"busy\"}",
                "2 200 DELIVERED ok");
        assertThat(withAttempts.get("attempts").get(0).get("duration_ms").asLong()).isEqualTo(42);
    }

    @Test
    void state_and_type_narrow_the_list_and_another_merchant_sees_nothing_of_it() throws Exception {
        String failed = anEvent(mch, "app-a", "payment.succeeded", "FAILED", Instant.parse("2026-11-20T03:00:00Z"));
        String refund = anEvent(mch, "app-a", "refund.succeeded", "DELIVERED", Instant.parse("2026-11-20T03:00:01Z"));

        assertThat(ids(get("/internal/portal/webhooks/events").param("mch_no", mch).param("state", "FAILED")))
                .containsExactly(failed);
        assertThat(ids(get("/internal/portal/webhooks/events").param("mch_no", mch).param("type", "refund.succeeded")))
                .containsExactly(refund);
        assertThat(ids(get("/internal/portal/webhooks/events").param("mch_no", other))).isEmpty();
    }

    @Test
    void a_resend_delivers_the_merchants_own_event_again_and_the_answers_first_bytes_are_kept() throws Exception {
        String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
        MERCHANT_SERVICE.registerApp(app, mch, "portal-secret", "http://127.0.0.1:" + endpoint.getAddress().getPort()
                + "/hooks");
        String event = anEvent(mch, app, "payment.succeeded", "FAILED", Instant.now().minusSeconds(60));
        statuses.add(500);
        answers.add("x".repeat(300));
        answers.add("thanks");

        MvcResult foreign = mvc.perform(post("/internal/portal/webhooks/events/" + event + "/resend")
                .param("mch_no", other).with(FROM_PORTAL)).andReturn();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        assertThat(read(foreign).get("code").asString()).isEqualTo("EVENT_UNKNOWN");
        assertThat(state(event)).isEqualTo("FAILED");

        MvcResult resend = mvc.perform(post("/internal/portal/webhooks/events/" + event + "/resend")
                .param("mch_no", mch).with(FROM_PORTAL)).andReturn();

        assertThat(resend.getResponse().getStatus()).isEqualTo(202);
        assertThat(read(resend).get("event_id").asString()).isEqualTo(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(state(event)));
        JsonNode listed = ok(get("/internal/portal/webhooks/events").param("mch_no", mch)).get("items").get(0);
        assertThat(listed.get("event_id").asString()).isEqualTo(event);
        assertThat(listed.get("attempts")).hasSize(2);
        JsonNode refused = listed.get("attempts").get(0);
        assertThat(refused.get("http_status").asInt()).isEqualTo(500);
        assertThat(refused.get("response_excerpt").asString()).isEqualTo("x".repeat(256));
        assertThat(listed.get("attempts").get(1).get("response_excerpt").asString()).isEqualTo("thanks");
        assertThat(listed.get("attempts").get(1).get("outcome").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void operators_list_every_merchants_events_and_only_through_the_gateway_with_an_operator() throws Exception {
        String a = anEvent(mch, "app-a", "payment.failed", "FAILED", Instant.parse("2026-11-20T04:00:00Z"));
        String b = anEvent(other, "app-x", "payment.failed", "FAILED", Instant.parse("2026-11-20T04:00:01Z"));

        MvcResult all = mvc.perform(get("/api/admin/webhooks/events").param("state", "FAILED").param("limit", "100")
                .header("X-Aggpay-Operator", "ops.alice")).andReturn();
        MvcResult one = mvc.perform(get("/api/admin/webhooks/events").param("mch_no", other)
                .header("X-Aggpay-Operator", "ops.alice")).andReturn();
        MvcResult anonymous = mvc.perform(get("/api/admin/webhooks/events")).andReturn();

        assertThat(all.getResponse().getStatus()).isEqualTo(200);
        List<String> allIds = new ArrayList<>();
        read(all).get("items").forEach(e -> allIds.add(e.get("event_id").asString()));
        assertThat(allIds).contains(a, b);
        assertThat(read(one).get("items")).extracting(e -> e.get("event_id").asString()).containsExactly(b);
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void only_merchant_service_may_call_the_portal_endpoints_and_bad_parameters_are_named() throws Exception {
        for (String caller : List.of("gateway-service", "order-service")) {
            MvcResult r = mvc.perform(get("/internal/portal/webhooks/events").param("mch_no", mch)
                    .with(asService(caller, "notify-service"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(caller).isEqualTo(403);
        }
        assertThat(problem(get("/internal/portal/webhooks/events"))).isEqualTo("400 mch_no");
        assertThat(problem(get("/internal/portal/webhooks/events").param("mch_no", mch).param("state", "LOST")))
                .isEqualTo("400 state");
        assertThat(problem(get("/internal/portal/webhooks/events").param("mch_no", mch).param("type", "payment.paid")))
                .isEqualTo("400 type");
        assertThat(problem(get("/internal/portal/webhooks/events").param("mch_no", mch).param("cursor", "garbage!")))
                .isEqualTo("400 cursor");
        assertThat(problem(get("/internal/portal/webhooks/events").param("mch_no", mch).param("limit", "0")))
                .isEqualTo("400 limit");
        assertThat(problem(get("/internal/portal/webhooks/events").param("mch_no", "M 1"))).isEqualTo("400 mch_no");
    }

    private String anEvent(String mchNo, String app, String type, String state, Instant createdAt) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Timestamp at = Timestamp.from(createdAt);
        jdbc.update("""
                INSERT INTO webhook_event (event_id, event_type, webhook_type, mch_no, app_id, notify_url, endpoint,
                       body, state, attempt_count, run_failures, next_attempt_at, created_at, updated_at)
                VALUES (?, 'PaymentSucceeded', ?, ?, ?, NULL, ?, ?, ?, 0, 0, ?, ?, ?)""",
                id, type, mchNo, app, "app:" + app, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\"}", state,
                Timestamp.from(Instant.now().plus(Duration.ofDays(1))), at, at);
        return id;
    }

    private void anAttempt(String eventId, int no, int status, String outcome, String error, String answer) {
        jdbc.update("INSERT INTO delivery_attempt (event_id, attempt_no, url, started_at, duration_ms, http_status,"
                        + " error, outcome, response_excerpt) VALUES (?, ?, 'https://shop.example/hooks', ?, 42, ?, ?, ?, ?)",
                eventId, no, Timestamp.from(Instant.parse("2026-11-20T02:00:00Z")), status, error, outcome, answer);
    }

    private String state(String eventId) {
        return jdbc.queryForObject("SELECT state FROM webhook_event WHERE event_id = ?", String.class, eventId);
    }

    private static JsonNode find(List<JsonNode> pages, String eventId) {
        for (JsonNode page : pages) {
            for (JsonNode e : page.get("items")) {
                if (e.get("event_id").asString().equals(eventId)) {
                    return e;
                }
            }
        }
        throw new AssertionError("not listed: " + eventId);
    }

    private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(FROM_PORTAL)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return read(r);
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        List<String> ids = new ArrayList<>();
        ok(request).get("items").forEach(e -> ids.add(e.get("event_id").asString()));
        return ids;
    }

    private String problem(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(FROM_PORTAL)).andReturn();
        return r.getResponse().getStatus() + " " + read(r).get("param").asString();
    }

    private static JsonNode read(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
