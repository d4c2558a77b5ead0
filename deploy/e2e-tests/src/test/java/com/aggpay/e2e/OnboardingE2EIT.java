package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's "done when", through the gateway as a new merchant and an operator would go: signup, KYC refused for a
 * bad credit code and stored masked, licence, no apps before approval, review (rejected with a reason, resubmitted,
 * approved; a merchant token cannot approve), an app whose new keys sign a WX_NATIVE payment whose webhook reaches the
 * app's URL, a second merchant who sees none of it, and a secret rotation during which the old secret still works.
 */
class OnboardingE2EIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final String PASSWORD = "e2e-merchant-password";

    private static Platform platform;
    private static WebhookInbox appInbox;
    private static String appWebhookSecret;

    @BeforeAll
    static void start() throws Exception {
        platform = SharedPlatform.platform();
    }

    @AfterAll
    static void stop() {
        if (appInbox != null) {
            appInbox.close();
        }
    }

    @Test
    void a_new_merchant_is_reviewed_gets_keys_takes_a_payment_and_is_alone_with_its_data() throws Exception {
        String email = "shop-" + UUID.randomUUID() + "@e2e.example.cn";
        HttpResponse<String> signup = portal("POST", "/api/portal/signup", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"company_name\":\"E2E 面馆\"}");
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
        String merchantId = json(signup).get("merchant_id").asString();
        String token = login(email);

        HttpResponse<String> badUscc = portal("PUT", "/api/portal/kyc", token, "{\"uscc\":\"91350100M000100Y4X\"}");
        assertThat(badUscc.statusCode()).isEqualTo(400);
        assertThat(json(badUscc).get("param").asString()).isEqualTo("uscc");
        HttpResponse<String> kyc = portal("PUT", "/api/portal/kyc", token, """
                {"company_name":"福州E2E面馆有限公司","uscc":"91350100M000100Y43","legal_person":"张三",
                 "legal_person_id_no":"11010519491231002X","contact_phone":"13800138000","business_category":"CATERING",
                 "settlement_account_name":"福州E2E面馆有限公司","settlement_bank":"中国工商银行",
                 "settlement_account_no":"6222020200112233445"}""");
        assertThat(kyc.statusCode()).as(kyc.body()).isEqualTo(200);
        assertThat(json(kyc).get("legal_person_id_no").asString()).endsWith("002X").startsWith("****");
        assertThat(kyc.body()).doesNotContain("11010519491231002X").doesNotContain("6222020200112233445");
        assertThat(uploadLicence(token).statusCode()).isEqualTo(200);

        HttpResponse<String> tooEarly = portal("POST", "/api/portal/apps", token, "{\"name\":\"Counter\"}");
        assertThat(tooEarly.statusCode()).isEqualTo(403);
        assertThat(json(tooEarly).get("code").asString()).isEqualTo("MERCHANT_NOT_ACTIVE");
        assertThat(json(portal("POST", "/api/portal/kyc/submit", token, null)).get("state").asString())
                .isEqualTo("SUBMITTED");

        // the operator sees it in the queue; a merchant's token is no operator token
        String operator = operatorLogin();
        assertThat(portal("GET", "/api/admin/merchants?state=SUBMITTED&limit=100", operator, null).body())
                .contains(merchantId);
        HttpResponse<String> selfApproval = portal("POST", "/api/admin/merchants/" + merchantId + "/approve", token,
                null);
        assertThat(selfApproval.statusCode()).isEqualTo(403);

        HttpResponse<String> rejected = portal("POST", "/api/admin/merchants/" + merchantId + "/reject", operator,
                "{\"reason\":\"结算账户名与营业执照不一致\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode seen = json(portal("GET", "/api/portal/merchant", token, null));
        assertThat(seen.get("state").asString()).isEqualTo("REJECTED");
        assertThat(seen.get("reject_reason").asString()).isEqualTo("结算账户名与营业执照不一致");
        assertThat(portal("PUT", "/api/portal/kyc", token, "{\"settlement_account_name\":\"福州E2E面馆有限公司\"}")
                .statusCode()).isEqualTo(200);
        assertThat(json(portal("POST", "/api/portal/kyc/submit", token, null)).get("state").asString())
                .isEqualTo("SUBMITTED");
        HttpResponse<String> approved = portal("POST", "/api/admin/merchants/" + merchantId + "/approve", operator,
                null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        String mchNo = json(approved).get("mch_no").asString();

        // an app with the merchant's own webhook endpoint, verified with the app's own webhook secret
        appInbox = new WebhookInbox(() -> appWebhookSecret);
        HttpResponse<String> created = portal("POST", "/api/portal/apps", token,
                "{\"name\":\"Counter\",\"webhook_url\":\"" + appInbox.url() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String appId = json(created).get("app_id").asString();
        String appSecret = json(created).get("app_secret").asString();
        appWebhookSecret = json(created).get("webhook_secret").asString();
        MerchantClient shop = new MerchantClient(platform.gatewayUrl(), appId, appSecret);

        String mchOrderNo = "E2E-ONB-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> order = shop.post("/api/v1/pay/orders", "{\"mch_order_no\":\"" + mchOrderNo
                + "\",\"amount\":2300,\"pay_way\":\"WX_NATIVE\",\"subject\":\"牛肉面\"}");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        assertThat(shop.responseSignatureValid(order)).isTrue();
        String payOrderId = json(order).get("pay_order_id").asString();
        HttpResponse<String> paid = post(platform.simulatorUrl() + "/_sim/pay",
                "{\"pay_data\":" + JSON.writeValueAsString(json(order).get("pay_data").asString()) + "}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(appInbox.forOrder(payOrderId))
                .anySatisfy(delivery -> {
                    assertThat(delivery.signatureValid()).isTrue();
                    assertThat(delivery.body()).contains("payment.succeeded");
                }));

        // the merchant sees the order and its delivery in the portal
        JsonNode listed = json(portal("GET", "/api/portal/orders?mch_order_no=" + mchOrderNo, token, null));
        assertThat(listed.get("items").get(0).get("pay_order_id").asString()).isEqualTo(payOrderId);
        JsonNode detail = json(portal("GET", "/api/portal/orders/" + payOrderId, token, null));
        assertThat(detail.get("attempts").size()).isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                portal("GET", "/api/portal/webhooks/events?state=DELIVERED", token, null).body()).contains(payOrderId));
        String eventId = appInbox.forOrder(payOrderId).get(0).eventId();

        // a second merchant reaches none of it
        String other = "other-" + UUID.randomUUID() + "@e2e.example.cn";
        portal("POST", "/api/portal/signup", null,
                "{\"email\":\"" + other + "\",\"password\":\"" + PASSWORD + "\",\"company_name\":\"Someone Else\"}");
        String otherToken = login(other);
        assertThat(portal("GET", "/api/portal/orders/" + payOrderId, otherToken, null).statusCode()).isEqualTo(404);
        assertThat(portal("GET", "/api/portal/orders", otherToken, null).body()).doesNotContain(payOrderId);
        assertThat(portal("GET", "/api/portal/webhooks/events", otherToken, null).body()).doesNotContain(eventId);
        assertThat(portal("POST", "/api/portal/webhooks/events/" + eventId + "/resend", otherToken, null)
                .statusCode()).isEqualTo(404);
        assertThat(portal("POST", "/api/portal/apps/" + appId + "/rotate-secret", otherToken, null).statusCode())
                .isEqualTo(404);
        assertThat(portal("GET", "/api/portal/apps", otherToken, null).body()).doesNotContain(appId);

        // the owner resends its own event: delivered again with the same event id
        assertThat(portal("POST", "/api/portal/webhooks/events/" + eventId + "/resend", token, null).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appInbox.forOrder(payOrderId)
                .stream().filter(delivery -> delivery.eventId().equals(eventId)).count()).isGreaterThanOrEqualTo(2));

        // a rotation: the new secret works at once, the old one during the grace period, each answer signed with it
        HttpResponse<String> rotated = portal("POST", "/api/portal/apps/" + appId + "/rotate-secret", token, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        MerchantClient withNew = new MerchantClient(platform.gatewayUrl(), appId,
                json(rotated).get("app_secret").asString());
        HttpResponse<String> readWithNew = withNew.get("/api/v1/pay/orders/" + payOrderId);
        assertThat(readWithNew.statusCode()).as(readWithNew.body()).isEqualTo(200);
        assertThat(withNew.responseSignatureValid(readWithNew)).isTrue();
        HttpResponse<String> readWithOld = shop.get("/api/v1/pay/orders/" + payOrderId);
        assertThat(readWithOld.statusCode()).as(readWithOld.body()).isEqualTo(200);
        assertThat(shop.responseSignatureValid(readWithOld)).isTrue();
        assertThat(json(readWithOld).get("state").asString()).isEqualTo("SUCCESS");
        assertThat(mchNo).isNotBlank();
    }

    private static String login(String email) throws Exception {
        HttpResponse<String> login = portal("POST", "/api/portal/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login).get("token").asString();
    }

    private static String operatorLogin() throws Exception {
        HttpResponse<String> login = portal("POST", "/api/admin/login", null,
                "{\"username\":\"admin\",\"password\":\"admin-local-only\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login).get("token").asString();
    }

    private static HttpResponse<String> portal(String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> uploadLicence(String token) throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String boundary = "----e2e" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/portal/kyc/licence"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
