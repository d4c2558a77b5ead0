package com.aggpay.merchant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.GatewayCalls;
import com.aggpay.merchant.demo.LocalDemoSeed;
import com.aggpay.merchant.portal.auth.MerchantRole;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores and their static codes through this service's real HTTP API as the gateway forwards it (portal bearer tokens
 * of merchant users stored in MariaDB), with the local demo seed, against the real MariaDB and Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local"})
class StoresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatorToken tokens;
    @Autowired
    StoreProperties links;
    @Autowired
    LocalDemoSeed seed;

    private String merchantId;
    private String firstApp;
    private String secondApp;
    private String developer;
    private String viewer;

    @BeforeEach
    void anApprovedMerchantWithTwoAppsADeveloperAndAViewer() {
        merchantId = merchant("APPROVED", "福州面馆有限公司");
        firstApp = app(merchantId, Instant.now().minusSeconds(60));
        secondApp = app(merchantId, Instant.now());
        developer = user(merchantId, MerchantRole.DEVELOPER);
        viewer = user(merchantId, MerchantRole.VIEWER);
    }

    @Test
    void a_store_is_bound_to_the_merchants_first_app_unless_one_is_named_and_both_are_listed() {
        HttpResponse<String> created = portal("POST", "/api/portal/stores", developer, "{\"name\":\" 鼓楼店 \"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode store = json(created);
        String code = store.get("store_code").asString();
        assertThat(code).matches("[a-z2-7]{12}");
        assertThat(store.get("name").asString()).isEqualTo("鼓楼店");
        assertThat(store.get("app_id").asString()).isEqualTo(firstApp);
        assertThat(store.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(store.get("qr_url").asString()).isEqualTo(links.qrUrl(code)).endsWith("/qr/" + code);

        JsonNode named = json(portal("POST", "/api/portal/stores", developer,
                "{\"name\":\"台江店\",\"app_id\":\"" + secondApp + "\"}"));
        assertThat(named.get("app_id").asString()).isEqualTo(secondApp);

        JsonNode items = json(portal("GET", "/api/portal/stores", viewer, null)).get("items");
        assertThat(items.findValuesAsString("store_code")).containsExactly(code, named.get("store_code").asString());
        assertThat(items.findValuesAsString("app_id")).containsExactly(firstApp, secondApp);
    }

    @Test
    void only_developers_of_approved_merchants_with_an_app_create_stores_and_bad_input_names_its_field() {
        String draftOwner = user(merchant("DRAFT", "New cafe"), MerchantRole.OWNER);
        assertThat(problem(portal("POST", "/api/portal/stores", draftOwner, "{\"name\":\"A\"}")))
                .isEqualTo("403 MERCHANT_NOT_ACTIVE null");
        assertThat(problem(portal("POST", "/api/portal/stores", viewer, "{\"name\":\"A\"}")))
                .isEqualTo("403 PORTAL_FORBIDDEN null");
        assertThat(problem(portal("POST", "/api/portal/stores", developer, "{\"name\":\"  \"}")))
                .isEqualTo("400 INVALID_REQUEST name");
        assertThat(problem(portal("POST", "/api/portal/stores", developer, "{\"name\":\"" + "店".repeat(65) + "\"}")))
                .isEqualTo("400 INVALID_REQUEST name");
        assertThat(problem(portal("POST", "/api/portal/stores", developer, "{\"name\":[1]}")))
                .startsWith("400 INVALID_REQUEST");

        String foreignApp = app(merchant("APPROVED", "Other"), Instant.now());
        assertThat(problem(portal("POST", "/api/portal/stores", developer,
                "{\"name\":\"A\",\"app_id\":\"" + foreignApp + "\"}"))).isEqualTo("400 INVALID_REQUEST app_id");
        assertThat(problem(portal("POST", "/api/portal/stores", developer, "{\"name\":\"A\",\"app_id\":\"nope\"}")))
                .isEqualTo("400 INVALID_REQUEST app_id");
        String appless = user(merchant("APPROVED", "No apps"), MerchantRole.OWNER);
        assertThat(problem(portal("POST", "/api/portal/stores", appless, "{\"name\":\"A\"}")))
                .isEqualTo("400 INVALID_REQUEST app_id");

        assertThat(json(portal("GET", "/api/portal/stores", developer, null)).get("items")).isEmpty();
        assertThat(portal("GET", "/api/portal/stores", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void another_merchants_store_is_answered_like_a_missing_one() {
        String code = createStore(developer, "鼓楼店");
        String stranger = user(merchant("APPROVED", "Other"), MerchantRole.OWNER);

        for (String[] call : new String[][] {{"GET", "/qr.png"}, {"GET", "/poster"}, {"POST", "/disable"},
                {"POST", "/reissue"}}) {
            assertThat(problem(portal(call[0], "/api/portal/stores/" + code + call[1], stranger, null)))
                    .as(call[1]).isEqualTo("404 STORE_UNKNOWN store_code");
            assertThat(problem(portal(call[0], "/api/portal/stores/nosuchstore1" + call[1], developer, null)))
                    .as(call[1]).isEqualTo("404 STORE_UNKNOWN store_code");
        }
        assertThat(problem(portal("GET", "/api/portal/stores/Bad%20Code/qr.png", developer, null)))
                .isEqualTo("404 STORE_UNKNOWN store_code");
        assertThat(portal("GET", "/api/portal/stores", stranger, null).body()).doesNotContain(code);
        assertThat(state(code)).as("untouched by the stranger").isEqualTo("ACTIVE");
    }

    @Test
    void the_png_download_decodes_to_exactly_the_stores_qr_url() {
        String code = createStore(developer, "鼓楼店");

        HttpResponse<byte[]> png = GatewayCalls.sendBytes(bearer(
                GatewayCalls.request(port, "GET", "/api/portal/stores/" + code + "/qr.png", null), viewer));

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + code + ".png\"");
        BufferedImage image = QrDecoding.read(png.body());
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(QrDecoding.text(png.body())).isEqualTo(links.qrUrl(code));
    }

    @Test
    void the_poster_is_a_printable_png_whose_code_scans_to_the_store() {
        String code = createStore(developer, "鼓楼店");

        HttpResponse<byte[]> poster = GatewayCalls.sendBytes(bearer(
                GatewayCalls.request(port, "GET", "/api/portal/stores/" + code + "/poster", null), viewer));

        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(poster.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;").contains(code));
        BufferedImage image = QrDecoding.read(poster.body());
        assertThat(image.getWidth()).isEqualTo(StorePoster.WIDTH);
        assertThat(image.getHeight()).isEqualTo(StorePoster.HEIGHT);
        assertThat(QrDecoding.text(poster.body())).isEqualTo(links.qrUrl(code));
    }

    @Test
    void a_disabled_code_stays_listed_unprintable_and_a_reissue_replaces_it_once() {
        String code = createStore(developer, "鼓楼店");
        assertThat(problem(portal("POST", "/api/portal/stores/" + code + "/disable", viewer, null)))
                .isEqualTo("403 PORTAL_FORBIDDEN null");

        HttpResponse<String> disabled = portal("POST", "/api/portal/stores/" + code + "/disable", developer, null);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("state").asString()).isEqualTo("DISABLED");
        assertThat(portal("POST", "/api/portal/stores/" + code + "/disable", developer, null).statusCode())
                .as("disabling again changes nothing").isEqualTo(200);
        assertThat(problem(portal("GET", "/api/portal/stores/" + code + "/qr.png", developer, null)))
                .isEqualTo("409 STATE_CONFLICT store_code");
        assertThat(json(lookup(code, ServiceCallsForTests.fromGateway("merchant-service"))).get("state").asString())
                .isEqualTo("DISABLED");

        HttpResponse<String> reissued = portal("POST", "/api/portal/stores/" + code + "/reissue", developer, null);
        assertThat(reissued.statusCode()).as(reissued.body()).isEqualTo(201);
        JsonNode fresh = json(reissued);
        String newCode = fresh.get("store_code").asString();
        assertThat(newCode).isNotEqualTo(code).matches("[a-z2-7]{12}");
        assertThat(fresh.get("name").asString()).isEqualTo("鼓楼店");
        assertThat(fresh.get("app_id").asString()).isEqualTo(firstApp);
        assertThat(fresh.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(fresh.get("qr_url").asString()).isEqualTo(links.qrUrl(newCode));
        assertThat(problem(portal("POST", "/api/portal/stores/" + code + "/reissue", developer, null)))
                .isEqualTo("409 STATE_CONFLICT store_code");

        JsonNode items = json(portal("GET", "/api/portal/stores", viewer, null)).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("store_code").asString()).isEqualTo(code);
        assertThat(items.get(0).get("state").asString()).isEqualTo("DISABLED");
        assertThat(items.get(0).get("replaced_by").asString()).isEqualTo(newCode);
        assertThat(items.get(1).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM merchant_store WHERE merchant_id = ? AND state = 'ACTIVE'",
                Integer.class, merchantId)).isOne();
    }

    @Test
    void an_active_code_is_reissued_too_and_the_old_one_never_comes_back() {
        String code = createStore(developer, "鼓楼店");

        String newCode = json(portal("POST", "/api/portal/stores/" + code + "/reissue", developer, null))
                .get("store_code").asString();

        assertThat(state(code)).isEqualTo("DISABLED");
        assertThat(state(newCode)).isEqualTo("ACTIVE");
        assertThat(problem(portal("GET", "/api/portal/stores/" + code + "/poster", developer, null)))
                .isEqualTo("409 STATE_CONFLICT store_code");
    }

    @Test
    void the_cashier_lookup_answers_the_gateway_only() throws Exception {
        seed.seed();

        HttpResponse<String> demo = lookup("demo-store", ServiceCallsForTests.fromGateway("merchant-service"));
        assertThat(demo.statusCode()).isEqualTo(200);
        JsonNode store = json(demo);
        assertThat(store.get("store_code").asString()).isEqualTo("demo-store");
        assertThat(store.get("name").asString()).isEqualTo("Demo Store");
        assertThat(store.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(store.get("mch_no").asString()).isEqualTo("M10001");
        assertThat(store.get("merchant_state").asString()).isEqualTo("APPROVED");
        assertThat(store.get("company_name").asString()).isNotBlank();
        assertThat(store.get("merchant_id").asString()).isNotBlank();
        assertThat(store.get("app_id").asString()).isEqualTo("demo-app");

        assertThat(problem(lookup("no-such-store", ServiceCallsForTests.fromGateway("merchant-service"))))
                .isEqualTo("404 STORE_UNKNOWN store_code");
        assertThat(problem(lookup("NOT..A..CODE", ServiceCallsForTests.fromGateway("merchant-service"))))
                .isEqualTo("404 STORE_UNKNOWN store_code");
        for (String token : new String[] {null, ServiceCallsForTests.token("order-service", "merchant-service"),
                ServiceCallsForTests.token("notify-service", "merchant-service")}) {
            HttpResponse<String> refused = lookup("demo-store", token);
            assertThat(refused.statusCode()).isIn(401, 403);
            assertThat(refused.body()).doesNotContain("Demo Store");
        }
    }

    @Test
    void the_local_demo_seed_brings_demo_store_back_active_on_the_demo_app() {
        jdbc.update("UPDATE merchant_store SET state = 'DISABLED', name = 'changed', replaced_by = 'zzzz' WHERE"
                + " store_code = 'demo-store'");

        seed.seed();
        seed.seed();

        var row = jdbc.queryForMap("SELECT s.name, s.state, s.app_id, s.replaced_by, m.mch_no FROM merchant_store s"
                + " JOIN merchant m ON m.merchant_id = s.merchant_id WHERE s.store_code = 'demo-store'");
        assertThat(row.get("name")).isEqualTo("Demo Store");
        assertThat(row.get("state")).isEqualTo("ACTIVE");
        assertThat(row.get("app_id")).isEqualTo("demo-app");
        assertThat(row.get("replaced_by")).isNull();
        assertThat(row.get("mch_no")).isEqualTo("M10001");
        assertThat(links.qrUrl("demo-store")).endsWith("/qr/demo-store");
    }

    private String createStore(String token, String name) {
        HttpResponse<String> created = portal("POST", "/api/portal/stores", token, "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("store_code").asString();
    }

    private String state(String code) {
        return jdbc.queryForObject("SELECT state FROM merchant_store WHERE store_code = ?", String.class, code);
    }

    private String merchant(String state, String companyName) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String id = "mer_" + run;
        jdbc.update("INSERT INTO merchant (merchant_id, mch_no, company_name, state) VALUES (?, ?, ?, ?)", id,
                "APPROVED".equals(state) ? "S" + run.substring(0, 10) : null, companyName, state);
        return id;
    }

    private String app(String merchantId, Instant createdAt) {
        String appId = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.update("INSERT INTO merchant_app (app_id, merchant_id, name, state, app_secret_enc, webhook_secret_enc,"
                + " created_at) VALUES (?, ?, 'Counter', 'ACTIVE', 'x', 'x', ?)", appId, merchantId,
                Timestamp.from(createdAt));
        return appId;
    }

    private String user(String merchantId, MerchantRole role) {
        String userId = "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.update("INSERT INTO merchant_user (user_id, merchant_id, email, password_hash, role) VALUES (?, ?, ?,"
                + " 'x', ?)", userId, merchantId, userId + "@shop.example", role.name());
        return tokens.issue(userId, role.tokenRole(), Duration.ofMinutes(10)).token();
    }

    private HttpResponse<String> portal(String method, String path, String token, String body) {
        return GatewayCalls.send(bearer(GatewayCalls.request(port, method, path, body), token));
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> lookup(String code, String serviceToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/internal/stores/" + code)).GET();
        if (serviceToken != null) {
            request.header(ServiceTokens.HEADER, serviceToken);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "status code param" of a problem answer. */
    private static String problem(HttpResponse<String> response) {
        JsonNode body = json(response);
        JsonNode param = body.get("param");
        return response.statusCode() + " " + body.get("code").asString() + " "
                + (param == null || param.isNull() ? "null" : param.asString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
