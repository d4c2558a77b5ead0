package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's "done when", as a payer's phone and the demo merchant meet it through the gateway: the store code
 * {@code demo-store} in a plain browser and in WeChat, Alipay (user id and OpenID payers) and 云闪付, each through its
 * wallet's authorisation stand-in in the simulator, the PBOC daily cap, a QR_CASHIER link paid in Alipay, and the
 * store's PNG read back. Redirects are followed by hand, so every hop is checked; cookies are kept per phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashierE2EIT {

    static final String WECHAT_UA = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560"
            + "(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
    static final String ALIPAY_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 ChannelId(0) Ariver/1.1.0 AliApp(AP/10.5.36.6000) Nebula "
            + "AlipayClient/10.5.36.6000 Language/zh-Hans Region/CN";
    static final String UNIONPAY_UA = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/116.0 Mobile Safari/537.36 (com.unionpay.uppay) UnionPay/1.0 CloudPay";
    static final String PLAIN_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Platform platform;
    private WebhookInbox inbox;
    private MerchantClient merchant;

    @BeforeAll
    void platform() throws Exception {
        platform = SharedPlatform.platform();
        inbox = SharedPlatform.inbox();
        merchant = SharedPlatform.demoMerchant();
        // earlier tests break channels on purpose: these tests are about something else
        SharedPlatform.healAllChannels();
    }

    @Test
    void a_plain_browser_is_asked_to_scan_with_a_wallet_and_unknown_codes_get_a_page_not_a_trace() throws Exception {
        HttpResponse<String> plain = get(platform.gatewayUrl() + "/qr/demo-store", PLAIN_UA, Map.of());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(plain.body()).contains("微信", "支付宝", "云闪付");
        assertThat(plain.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> unknown = get(platform.gatewayUrl() + "/qr/no-such-store-zz", WECHAT_UA, Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("收款码无效").doesNotContain("Exception");
    }

    @Test
    void a_wechat_payer_is_authorised_pays_12_34_and_the_merchant_gets_its_webhook_with_the_store() throws Exception {
        Phone phone = scan("/qr/demo-store", WECHAT_UA, "wx-" + unique(), false, "/_sim/oauth/wx/authorize");
        assertThat(phone.landedOn).isEqualTo("/cashier/store/demo-store");
        assertThat(phone.cookies).containsKey("AGGPAY_PAYER");

        JsonNode store = json.readTree(get(platform.gatewayUrl() + "/api/cashier/stores/demo-store", WECHAT_UA,
                Map.of()).body());
        assertThat(store.get("store_name").asString()).isNotBlank();
        payAtStoreAndExpectSuccess(phone, 1234, "WX_JSAPI");
    }

    @Test
    void alipay_payers_by_user_id_and_by_openid_and_a_unionpay_payer_pay_at_the_store() throws Exception {
        payAtStoreAndExpectSuccess(scan("/qr/demo-store", ALIPAY_UA, "ali-" + unique(), false,
                "/_sim/oauth/alipay/authorize"), 1234, "ALI_JSAPI");
        payAtStoreAndExpectSuccess(scan("/qr/demo-store", ALIPAY_UA, "alo-" + unique(), true,
                "/_sim/oauth/alipay/authorize"), 1234, "ALI_JSAPI");
        payAtStoreAndExpectSuccess(scan("/qr/demo-store", UNIONPAY_UA, "up-" + unique(), false,
                "/_sim/oauth/unionpay/userAuth"), 1234, "UP_JSAPI");
    }

    @Test
    void a_payers_third_200_yuan_static_payment_of_the_day_is_refused_while_another_payer_still_pays() throws Exception {
        Phone payer = scan("/qr/demo-store", WECHAT_UA, "cap-" + unique(), false, "/_sim/oauth/wx/authorize");
        assertThat(createAtStore(payer, 20000).statusCode()).isEqualTo(201);
        assertThat(createAtStore(payer, 20000).statusCode()).isEqualTo(201);
        HttpResponse<String> third = createAtStore(payer, 20000);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(json.readTree(third.body()).get("code").asString()).isEqualTo("STATIC_QR_DAILY_CAP");
        assertThat(json.readTree(third.body()).get("remaining").asLong()).isEqualTo(10000);

        Phone another = scan("/qr/demo-store", WECHAT_UA, "cap2-" + unique(), false, "/_sim/oauth/wx/authorize");
        payAtStoreAndExpectSuccess(another, 20000, "WX_JSAPI");
    }

    @Test
    void a_qr_cashier_order_opened_in_alipay_is_paid_for_exactly_its_amount() throws Exception {
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"QC" + unique()
                + "\",\"amount\":5678,\"pay_way\":\"QR_CASHIER\",\"subject\":\"Wedding banquet deposit\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        String payOrderId = order.get("pay_order_id").asString();
        assertThat(order.get("pay_data_type").asString()).isEqualTo("PAY_URL");
        String link = order.get("pay_data").asString();
        assertThat(link).endsWith("/cashier/pay/" + payOrderId);

        HttpResponse<String> inBrowser = get(link, PLAIN_UA, Map.of());
        assertThat(inBrowser.statusCode()).isEqualTo(200);
        assertThat(inBrowser.body()).contains("56.78", "支付宝");

        Phone phone = scan(URI.create(link).getPath(), ALIPAY_UA, "qc-" + unique(), false,
                "/_sim/oauth/alipay/authorize");
        assertThat(phone.landedOn).isEqualTo("/cashier/order/" + payOrderId);
        JsonNode seen = json.readTree(phone.get("/api/cashier/orders/" + payOrderId).body());
        assertThat(seen.get("amount").asLong()).isEqualTo(5678);
        assertThat(seen.get("state").asString()).isEqualTo("PAYING");

        HttpResponse<String> pay = phone.post("/api/cashier/orders/" + payOrderId + "/pay", "");
        assertThat(pay.statusCode()).as(pay.body()).isEqualTo(200);
        JsonNode payData = json.readTree(pay.body());
        assertThat(payData.get("amount").asLong()).isEqualTo(5678);
        assertThat(payData.get("pay_way").asString()).isEqualTo("ALI_JSAPI");
        simulatorPays(payData.get("pay_data").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCESS".equals(json.readTree(
                merchant.get("/api/v1/pay/orders/" + payOrderId).body()).get("state").asString()));
        JsonNode trades = json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl()
                + "/_sim/trades?account=2021000000000001")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode trades2 = json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.simulatorUrl()
                + "/_sim/trades?account=2021000000000002")).build(), HttpResponse.BodyHandlers.ofString()).body());
        long paidForOrder = 0;
        for (JsonNode t : List.of(trades, trades2)) {
            for (JsonNode trade : t) {
                if (trade.get("out_trade_no").asString().startsWith(payOrderId.substring(3))
                        && "PAID".equals(trade.get("state").asString())) {
                    paidForOrder += trade.get("amount").asLong();
                }
            }
        }
        assertThat(paidForOrder).isEqualTo(5678);
        // the link is spent: opening it again says so
        assertThat(get(link, ALIPAY_UA, Map.of()).body()).contains("订单已支付");
    }

    @Test
    void forged_replayed_or_misplaced_payer_cookies_and_states_get_nothing() throws Exception {
        // a return without this browser's authorisation in flight, and one whose state is not its nonce
        Phone phone = new Phone(WECHAT_UA);
        HttpResponse<String> landing = phone.get("/qr/demo-store");
        String authorize = landing.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> wallet = http.send(HttpRequest.newBuilder(URI.create(authorize.replace("#wechat_redirect",
                "") + "&sim_payer=forge-" + unique())).header("User-Agent", WECHAT_UA).build(),
                HttpResponse.BodyHandlers.ofString());
        String back = wallet.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> foreignBrowser = get(back, WECHAT_UA, Map.of());
        assertThat(foreignBrowser.statusCode()).isEqualTo(403);
        assertThat(foreignBrowser.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> otherState = get(back.replaceAll("state=[^&]+", "state=forged"), WECHAT_UA, phone.cookies);
        assertThat(otherState.statusCode()).isEqualTo(403);
        assertThat(otherState.body()).contains("/qr/demo-store");
        assertThat(otherState.headers().allValues("Set-Cookie")).isEmpty();

        // a real session, then tampered with, used for another scope, or missing
        Phone payer = scan("/qr/demo-store", WECHAT_UA, "tamper-" + unique(), false, "/_sim/oauth/wx/authorize");
        String session = payer.cookies.get("AGGPAY_PAYER");
        Phone tampered = new Phone(WECHAT_UA);
        tampered.cookies.put("AGGPAY_PAYER", session.substring(0, 10) + (session.charAt(10) == 'A' ? 'B' : 'A')
                + session.substring(11));
        assertThat(problemCode(createAtStore(tampered, 100), 401)).isEqualTo("PAYER_AUTH_REQUIRED");
        assertThat(problemCode(createAtStore(new Phone(WECHAT_UA), 100), 401)).isEqualTo("PAYER_AUTH_REQUIRED");
        assertThat(problemCode(payer.post("/api/cashier/orders/po_0123456789abcdef01234567/pay", ""), 401))
                .isEqualTo("PAYER_AUTH_REQUIRED");
        assertThat(problemCode(payer.post("/api/cashier/orders", "{\"store_code\":\"demo-store\",\"amount\":12.5}"), 400))
                .isEqualTo("PARAM_INVALID");
        assertThat(problemCode(payer.post("/api/cashier/orders", "{\"store_code\":\"demo-store\",\"amount\":0,"
                + "\"request_id\":\"" + UUID.randomUUID() + "\"}"), 400)).isEqualTo("PARAM_INVALID");
        assertThat(problemCode(payer.post("/api/cashier/orders", "not json"), 400)).isEqualTo("BODY_MALFORMED");
        // another payer's order is not this payer's to see
        HttpResponse<String> own = createAtStore(payer, 100);
        String payOrderId = json.readTree(own.body()).get("pay_order_id").asString();
        Phone other = scan("/qr/demo-store", WECHAT_UA, "other-" + unique(), false, "/_sim/oauth/wx/authorize");
        assertThat(problemCode(other.get("/api/cashier/orders/" + payOrderId), 404)).isEqualTo("ORDER_NOT_FOUND");
        assertThat(json.readTree(payer.get("/api/cashier/orders/" + payOrderId).body()).has("mch_no")).isFalse();
    }

    private String problemCode(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body()).get("code").asString();
    }

    @Test
    void the_stores_png_decodes_to_its_qr_url() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/portal/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"email\":\"demo@aggpay.local\",\"password\":\"demo-merchant-local-only\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = json.readTree(login.body()).get("token").asString();
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/portal/stores/demo-store/qr.png")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(text).isEqualTo(platform.gatewayUrl() + "/qr/demo-store");
    }

    // ---- a phone

    /** A payer's phone: its wallet's User-Agent and its cookies, as a wallet's in-app browser keeps them. */
    final class Phone {
        final String userAgent;
        final Map<String, String> cookies = new LinkedHashMap<>();
        String landedOn;

        Phone(String userAgent) {
            this.userAgent = userAgent;
        }

        HttpResponse<String> get(String path) throws Exception {
            return keep(CashierE2EIT.this.get(platform.gatewayUrl() + path, userAgent, cookies));
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                    .header("User-Agent", userAgent).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader(cookies));
            }
            return keep(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> keep(HttpResponse<String> response) {
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    /**
     * Scans (or opens) {@code path} in a wallet: the gateway sends the phone to the wallet's authorisation (the
     * simulator's stand-in, told which payer is logged in), which sends it back to the cashier with a code.
     */
    private Phone scan(String path, String userAgent, String simPayer, boolean openId, String authorizePath)
            throws Exception {
        Phone phone = new Phone(userAgent);
        HttpResponse<String> landing = phone.get(path);
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
        String authorize = landing.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(platform.simulatorUrl() + authorizePath);
        // the query goes before WeChat's "#wechat_redirect" fragment, which a browser never sends
        int hash = authorize.indexOf('#');
        String base = hash < 0 ? authorize : authorize.substring(0, hash);
        String asPayer = base + (base.contains("?") ? "&" : "?") + "sim_payer="
                + URLEncoder.encode(simPayer, StandardCharsets.UTF_8) + (openId ? "&sim_openid=1" : "")
                + (hash < 0 ? "" : authorize.substring(hash));
        HttpResponse<String> wallet = http.send(HttpRequest.newBuilder(URI.create(asPayer))
                .header("User-Agent", userAgent).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wallet.statusCode()).as(wallet.body()).isEqualTo(302);
        String back = wallet.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(platform.gatewayUrl() + "/cashier/oauth/return");
        HttpResponse<String> returned = phone.keep(get(back, userAgent, phone.cookies));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(302);
        phone.landedOn = returned.headers().firstValue("Location").orElseThrow();
        return phone;
    }

    private HttpResponse<String> createAtStore(Phone phone, long amount) throws Exception {
        return phone.post("/api/cashier/orders", "{\"store_code\":\"demo-store\",\"amount\":" + amount
                + ",\"request_id\":\"" + UUID.randomUUID() + "\"}");
    }

    private void payAtStoreAndExpectSuccess(Phone phone, long amount, String payWay) throws Exception {
        HttpResponse<String> created = createAtStore(phone, amount);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = json.readTree(created.body());
        assertThat(answer.get("pay_way").asString()).isEqualTo(payWay);
        assertThat(answer.get("pay_data_type").asString()).isEqualTo("JSAPI_PARAMS");
        String payOrderId = answer.get("pay_order_id").asString();

        JsonNode order = json.readTree(merchant.get("/api/v1/pay/orders/" + payOrderId).body());
        assertThat(order.get("mch_no").asString()).isEqualTo("M10001");
        assertThat(order.get("app_id").asString()).isEqualTo("demo-app");
        assertThat(order.get("amount").asLong()).isEqualTo(amount);
        assertThat(order.get("pay_way").asString()).isEqualTo(payWay);
        assertThat(order.get("metadata").get("store_code").asString()).isEqualTo("demo-store");

        simulatorPays(answer.get("pay_data").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCESS".equals(json.readTree(
                phone.get("/api/cashier/orders/" + payOrderId).body()).get("state").asString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.forOrder(payOrderId).stream()
                .anyMatch(d -> d.signatureValid() && d.body().contains("payment.succeeded")));
        assertThat(inbox.forOrder(payOrderId).stream().filter(d -> d.body().contains("payment.succeeded"))
                .findFirst().orElseThrow().body()).contains("\"store_code\":\"demo-store\"");
    }

    private void simulatorPays(String payData) throws Exception {
        platform.simulator().pays(payData);
    }

    private HttpResponse<String> get(String url, String userAgent, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", userAgent);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader(cookies));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
