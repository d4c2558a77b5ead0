package com.aggpay.merchant.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.GatewayCalls;
import com.aggpay.merchant.app.FindAppForServices;
import com.aggpay.merchant.app.InternalAppView;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's onboarding through this service's real HTTP API, as the gateway forwards it, against the real MariaDB
 * and Redis; channel-router is a local stand-in that records the default-contract calls (and can be made to fail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local"})
class OnboardingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";
    private static final String VALID_USCC = "91350100M000100Y43";
    private static final String VALID_ID = "11010519491231002X";
    private static final HttpServer ROUTER;
    private static final List<String> ROUTER_CALLS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger ROUTER_FAILURES_LEFT = new AtomicInteger();

    static {
        try {
            ROUTER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ROUTER.createContext("/internal/contracts/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = ROUTER_FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!fail) {
                ROUTER_CALLS.add(exchange.getRequestURI().getPath() + " " + body);
            }
            byte[] answer = fail ? new byte[0] : "{\"mch_no\":\"x\",\"contracts\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, fail ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ROUTER.start();
    }

    @DynamicPropertySource
    static void router(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.channel-router-service[0].uri",
                () -> "http://127.0.0.1:" + ROUTER.getAddress().getPort());
    }

    @AfterAll
    static void stopRouter() {
        ROUTER.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    OperatorToken tokens;
    @Autowired
    FindAppForServices findApp;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_merchant_signs_up_is_rejected_resubmits_is_approved_and_gets_keys_that_rotate_with_a_grace_period()
            throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@shop.example.cn";
        HttpResponse<String> signup = call("POST", "/api/portal/signup", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"company_name\":\"Noodle Shop\"}");
        assertThat(signup.statusCode()).isEqualTo(201);
        String merchantId = json(signup).get("merchant_id").asString();
        assertThat(json(signup).get("state").asString()).isEqualTo("DRAFT");
        assertThat(call("POST", "/api/portal/signup", null, "{\"email\":\"" + email.toUpperCase()
                + "\",\"password\":\"" + PASSWORD + "\",\"company_name\":\"Again\"}").statusCode()).isEqualTo(409);

        String token = login(email);

        // KYC: a code with a wrong check character changes nothing and names its field
        HttpResponse<String> badUscc = call("PUT", "/api/portal/kyc", token,
                "{\"uscc\":\"91350100M000100Y42\",\"legal_person\":\"张三\"}");
        assertThat(badUscc.statusCode()).isEqualTo(400);
        assertThat(json(badUscc).get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(json(badUscc).get("param").asString()).isEqualTo("uscc");
        assertThat(json(call("GET", "/api/portal/kyc", token, null)).get("legal_person").isNull()).isTrue();
        assertThat(json(call("PUT", "/api/portal/kyc", token, "{\"legal_person_id_no\":\"110105194912310021\"}"))
                .get("param").asString()).isEqualTo("legal_person_id_no");

        HttpResponse<String> saved = call("PUT", "/api/portal/kyc", token, """
                {"company_name":"福州面馆有限公司","uscc":"%s","legal_person":"张三","legal_person_id_no":"%s",
                 "contact_phone":"13800138000","business_category":"CATERING","settlement_account_name":"福州面馆有限公司",
                 "settlement_bank":"中国工商银行福州分行","settlement_account_no":"6222020200112233445"}"""
                .formatted(VALID_USCC, VALID_ID));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).get("legal_person_id_no").asString()).isEqualTo("**************002X");
        assertThat(json(saved).get("settlement_account_no").asString()).isEqualTo("************3445");
        assertThat(saved.body()).doesNotContain(VALID_ID).doesNotContain("6222020200112233445");
        String storedId = jdbc.queryForObject("SELECT legal_person_id_no_enc FROM merchant_kyc WHERE merchant_id = ?",
                String.class, merchantId);
        assertThat(storedId).startsWith("v1:").doesNotContain(VALID_ID);
        assertThat(json(saved).get("missing").toString()).isEqualTo("[\"licence\"]");

        // no apps, and no submit, before the licence and the approval
        HttpResponse<String> earlyApp = call("POST", "/api/portal/apps", token, "{\"name\":\"Shop\"}");
        assertThat(earlyApp.statusCode()).isEqualTo(403);
        assertThat(json(earlyApp).get("code").asString()).isEqualTo("MERCHANT_NOT_ACTIVE");
        HttpResponse<String> incomplete = call("POST", "/api/portal/kyc/submit", token, null);
        assertThat(incomplete.statusCode()).isEqualTo(409);
        assertThat(json(incomplete).get("param").asString()).isEqualTo("licence");

        HttpResponse<String> notAnImage = upload(token, "licence.png", "GIF89a fake".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.statusCode()).isEqualTo(415);
        byte[] png = png();
        HttpResponse<String> uploaded = upload(token, "licence.png", png);
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(json(uploaded).get("licence").get("content_type").asString()).isEqualTo("image/png");

        assertThat(json(call("POST", "/api/portal/kyc/submit", token, null)).get("state").asString())
                .isEqualTo("SUBMITTED");
        assertThat(call("PUT", "/api/portal/kyc", token, "{\"legal_person\":\"李四\"}").statusCode()).isEqualTo(409);

        // the operator's queue has it; the licence is served to the operator as the image uploaded
        assertThat(queueHas(merchantId)).isTrue();
        HttpResponse<byte[]> licence = GatewayCalls.sendBytes(GatewayCalls.request(port, "GET",
                "/api/admin/merchants/" + merchantId + "/licence", null).header(AggpayHeaders.OPERATOR, "admin"));
        assertThat(licence.statusCode()).isEqualTo(200);
        assertThat(licence.body()).isEqualTo(png);
        assertThat(licence.headers().firstValue("Content-Type")).hasValue("image/png");

        // rejected with a reason the merchant sees, then edited and resubmitted
        assertThat(operator("POST", "/api/admin/merchants/" + merchantId + "/reject", "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> rejected = operator("POST", "/api/admin/merchants/" + merchantId + "/reject",
                "{\"reason\":\"营业执照照片不清晰\"}");
        assertThat(json(rejected).get("state").asString()).isEqualTo("REJECTED");
        JsonNode seen = json(call("GET", "/api/portal/merchant", token, null));
        assertThat(seen.get("state").asString()).isEqualTo("REJECTED");
        assertThat(seen.get("reject_reason").asString()).isEqualTo("营业执照照片不清晰");
        assertThat(upload(token, "licence.png", png()).statusCode()).isEqualTo(200);
        assertThat(json(call("POST", "/api/portal/kyc/submit", token, null)).get("state").asString())
                .isEqualTo("SUBMITTED");

        // the router failing leaves the merchant as it was; the retry approves it with its default contracts
        ROUTER_FAILURES_LEFT.set(1);
        assertThat(operator("POST", "/api/admin/merchants/" + merchantId + "/approve", null).statusCode())
                .isEqualTo(503);
        assertThat(json(call("GET", "/api/portal/merchant", token, null)).get("state").asString())
                .isEqualTo("SUBMITTED");
        HttpResponse<String> approved = operator("POST", "/api/admin/merchants/" + merchantId + "/approve", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        String mchNo = json(approved).get("mch_no").asString();
        assertThat(mchNo).matches("M[0-9]{5,}");
        assertThat(ROUTER_CALLS).anySatisfy(call -> assertThat(call)
                .startsWith("/internal/contracts/" + mchNo + "/defaults ")
                .contains("\"business_category\":\"CATERING\"").contains("\"operator\":\"admin\""));
        assertThat(operator("POST", "/api/admin/merchants/" + merchantId + "/approve", null).statusCode())
                .isEqualTo(409);

        JsonNode history = json(call("GET", "/api/portal/merchant/history", token, null)).get("items");
        assertThat(history.findValuesAsString("action")).containsExactly("SIGNED_UP", "KYC_SUBMITTED", "REJECTED",
                "KYC_SUBMITTED", "APPROVED");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("营业执照照片不清晰");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target = ? AND action IN"
                + " ('MERCHANT_APPROVED','MERCHANT_REJECTED')", Integer.class, "merchant:" + merchantId)).isEqualTo(2);

        // apps: secrets shown once, the list holds none; a rotation keeps the old secret for the grace period
        HttpResponse<String> created = call("POST", "/api/portal/apps", token,
                "{\"name\":\"Counter\",\"webhook_url\":\"http://127.0.0.1:8099/hooks\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode app = json(created);
        String appId = app.get("app_id").asString();
        String secret = app.get("app_secret").asString();
        assertThat(app.get("webhook_secret_standard").asString()).isEqualTo("whsec_" + Base64.getEncoder()
                .encodeToString(app.get("webhook_secret").asString().getBytes(StandardCharsets.UTF_8)));
        String list = call("GET", "/api/portal/apps", token, null).body();
        assertThat(list).contains(appId).doesNotContain(secret);

        HttpResponse<String> rotated = call("POST", "/api/portal/apps/" + appId + "/rotate-secret", token, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newSecret = json(rotated).get("app_secret").asString();
        Instant graceEnd = Instant.parse(json(rotated).get("previous_valid_until").asString());
        assertThat(Duration.between(Instant.now(), graceEnd)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        InternalAppView forGateway = findApp.find(appId);
        assertThat(forGateway.appSecret()).isEqualTo(newSecret);
        assertThat(forGateway.previousAppSecret()).isEqualTo(secret);
        assertThat(forGateway.mchNo()).isEqualTo(mchNo);
        jdbc.update("UPDATE merchant_app SET previous_secret_valid_until = ? WHERE app_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(5)), appId);
        assertThat(findApp.find(appId).previousAppSecret()).isNull();

        // RSA keys: too short or not a key is refused, 2048 bits accepted
        assertThat(json(call("PUT", "/api/portal/apps/" + appId + "/rsa-public-key", token,
                "{\"public_key_pem\":\"" + pem(1024) + "\"}")).get("param").asString()).isEqualTo("public_key_pem");
        HttpResponse<String> rsa = call("PUT", "/api/portal/apps/" + appId + "/rsa-public-key", token,
                "{\"public_key_pem\":\"" + pem(2048) + "\"}");
        assertThat(rsa.statusCode()).isEqualTo(200);
        assertThat(json(rsa).get("rsa_public_key").asBoolean()).isTrue();

        // the webhook URL follows the address rules
        assertThat(json(call("PUT", "/api/portal/apps/" + appId + "/webhook-url", token,
                "{\"webhook_url\":\"http://169.254.169.254/latest\"}")).get("param").asString())
                .isEqualTo("webhook_url");
    }

    @Test
    void a_merchant_reaches_only_its_own_apps_and_an_operator_token_is_no_portal_token() throws Exception {
        String first = "first-" + UUID.randomUUID() + "@shop.example.cn";
        String second = "second-" + UUID.randomUUID() + "@shop.example.cn";
        String firstId = json(call("POST", "/api/portal/signup", null, "{\"email\":\"" + first + "\",\"password\":\""
                + PASSWORD + "\",\"company_name\":\"First\"}")).get("merchant_id").asString();
        call("POST", "/api/portal/signup", null,
                "{\"email\":\"" + second + "\",\"password\":\"" + PASSWORD + "\",\"company_name\":\"Second\"}");
        jdbc.update("UPDATE merchant SET state = 'APPROVED', mch_no = ? WHERE merchant_id = ?",
                "T" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L), firstId);
        String firstToken = login(first);
        String secondToken = login(second);
        String appId = json(call("POST", "/api/portal/apps", firstToken, "{\"name\":\"Mine\"}")).get("app_id")
                .asString();

        HttpResponse<String> foreign = call("POST", "/api/portal/apps/" + appId + "/rotate-secret", secondToken, null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).get("code").asString()).isEqualTo("APP_UNKNOWN");
        assertThat(call("GET", "/api/portal/apps", secondToken, null).body()).doesNotContain(appId);

        String operatorToken = tokens.issue("admin", OperatorToken.ROLE_OPERATOR, Duration.ofMinutes(5)).token();
        HttpResponse<String> asOperator = call("GET", "/api/portal/merchant", operatorToken, null);
        assertThat(asOperator.statusCode()).isEqualTo(403);
        assertThat(json(asOperator).get("code").asString()).isEqualTo("PORTAL_FORBIDDEN");
        assertThat(call("GET", "/api/portal/merchant", null, null).statusCode()).isEqualTo(401);

        // logged out: the same token is refused from then on
        assertThat(call("POST", "/api/portal/logout", firstToken, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/portal/apps", firstToken, null).statusCode()).isEqualTo(401);

        // a viewer reads but cannot create apps
        String viewer = "viewer-" + UUID.randomUUID() + "@shop.example.cn";
        String ownerAgain = login(first);
        assertThat(call("POST", "/api/portal/users", ownerAgain, "{\"email\":\"" + viewer + "\",\"password\":\""
                + PASSWORD + "\",\"role\":\"VIEWER\"}").statusCode()).isEqualTo(201);
        String viewerToken = login(viewer);
        assertThat(call("GET", "/api/portal/apps", viewerToken, null).body()).contains(appId);
        HttpResponse<String> viewerCreates = call("POST", "/api/portal/apps", viewerToken, "{\"name\":\"No\"}");
        assertThat(viewerCreates.statusCode()).isEqualTo(403);
        assertThat(json(viewerCreates).get("code").asString()).isEqualTo("PORTAL_FORBIDDEN");

        // the owner switches the viewer off: its token and its password stop working at once, and on again
        String viewerId = userId(ownerAgain, viewer);
        assertThat(viewerId).isNotNull();
        assertThat(call("POST", "/api/portal/users/" + viewerId + "/disable", secondToken, null).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/portal/users/" + viewerId + "/disable", viewerToken, null).statusCode())
                .isEqualTo(403);
        JsonNode disabled = json(call("POST", "/api/portal/users/" + viewerId + "/disable", ownerAgain, null));
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        assertThat(call("GET", "/api/portal/apps", viewerToken, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/portal/login", null, "{\"email\":\"" + viewer + "\",\"password\":\""
                + PASSWORD + "\"}").statusCode()).isEqualTo(401);
        String ownerId = userId(ownerAgain, first);
        assertThat(call("POST", "/api/portal/users/" + ownerId + "/disable", ownerAgain, null).statusCode())
                .isEqualTo(409);
        assertThat(json(call("POST", "/api/portal/users/" + viewerId + "/enable", ownerAgain, null)).get("disabled")
                .asBoolean()).isFalse();
        assertThat(call("GET", "/api/portal/apps", login(viewer), null).statusCode()).isEqualTo(200);
    }

    private String userId(String ownerToken, String email) {
        for (JsonNode user : json(call("GET", "/api/portal/users", ownerToken, null)).get("items")) {
            if (user.get("email").asString().equals(email)) {
                return user.get("user_id").asString();
            }
        }
        return null;
    }

    private boolean queueHas(String merchantId) {
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            JsonNode answer = json(operator("GET", "/api/admin/merchants?state=SUBMITTED&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), null));
            for (JsonNode item : answer.get("items")) {
                if (item.get("merchant_id").asString().equals(merchantId)) {
                    return true;
                }
            }
            if (answer.get("next_cursor").isNull()) {
                return false;
            }
            cursor = answer.get("next_cursor").asString();
        }
        return false;
    }

    private String login(String email) {
        HttpResponse<String> login = call("POST", "/api/portal/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        return json(login).get("token").asString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = GatewayCalls.request(port, method, path, body)
                .header(AggpayHeaders.CLIENT_IP, "198.51.100." + (1 + Math.abs(path.hashCode() % 200)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return GatewayCalls.send(request);
    }

    private HttpResponse<String> operator(String method, String path, String body) {
        return GatewayCalls.send(GatewayCalls.request(port, method, path, body).header(AggpayHeaders.OPERATOR, "admin"));
    }

    private HttpResponse<String> upload(String token, String fileName, byte[] content) {
        String boundary = "----aggpay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = GatewayCalls.request(port, "POST", "/api/portal/kyc/licence", null)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token);
        return GatewayCalls.send(request);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, (int) (Math.random() * 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String pem(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        String base64 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\\n" + base64 + "\\n-----END PUBLIC KEY-----";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
