package com.aggpay.router.payerauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.router.DemoChannelsITSupport;
import com.aggpay.router.channel.SimulatorProcess;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole silent authorisation against the simulator's wallet stand-ins, as the gateway's cashier drives it:
 * authorize → the payer's wallet visits the URL and comes back with a code → exchange → the payer's id; then orders
 * carrying an app's payer id are routed only to that app's channels.
 */
class PayerAuthIT extends DemoChannelsITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RETURN_URL = "https://pay.example.com/cashier/oauth/return";
    private static final String CLOUDPAY_UA = "Mozilla/5.0 (Linux; Android 14) Mobile UnionPay/1.0 CloudPay";
    /** The demo channels' apps (DemoChannelSeeder). */
    private static final Map<String, String> WECHAT_APPS = Map.of("wxpay-a", "wx0000000000000001",
            "wxpay-b", "wx0000000000000002", "wxpay-v2", "wx0000000000000003");
    private static final Map<String, String> ALIPAY_APPS = Map.of("alipay-a", "2021000000000001",
            "alipay-b", "2021000000000002");

    private final HttpClient wallet = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_wechat_payer_is_identified_by_the_openid_of_the_chosen_channels_official_account() throws Exception {
        JsonNode authorize = authorize("WECHAT", "st-wx.1");
        String channel = authorize.get("channel").asString();
        String appid = WECHAT_APPS.get(channel);
        assertThat(appid).as("a WeChat demo channel: %s", channel).isNotNull();
        assertThat(authorize.get("authorize_url").asString())
                .startsWith(SimulatorProcess.shared().baseUrl() + "/_sim/oauth/wx/authorize?appid=" + appid + "&")
                .contains("&scope=snsapi_base&state=st-wx.1").endsWith("#wechat_redirect");
        Map<String, String> back = visit(authorize.get("authorize_url").asString(), null);
        assertThat(back).containsEntry("state", "st-wx.1");

        MockHttpServletResponse exchange = exchange(channel, "WECHAT", back.get("code"), null);

        assertThat(exchange.getStatus()).as(exchange.getContentAsString()).isEqualTo(200);
        JsonNode payer = JSON.readTree(exchange.getContentAsString());
        assertThat(payer.get("payer_id").asString()).startsWith("oSim").hasSize(28);
        assertThat(payer.get("id_kind").asString()).isEqualTo("OPENID");
        assertThat(payer.get("channel").asString()).isEqualTo(channel);
        assertThat(payer.get("app_id").asString()).isEqualTo(appid);
    }

    @Test
    void a_code_used_once_is_refused_the_second_time_with_422() throws Exception {
        JsonNode authorize = authorize("WECHAT", "s2");
        String code = visit(authorize.get("authorize_url").asString(), null).get("code");
        String channel = authorize.get("channel").asString();
        assertThat(exchange(channel, "WECHAT", code, null).getStatus()).isEqualTo(200);

        MockHttpServletResponse again = exchange(channel, "WECHAT", code, null);

        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(JSON.readTree(again.getContentAsString()).get("code").asString()).isEqualTo("PAYER_AUTH_REFUSED");
    }

    @Test
    void an_alipay_payer_is_identified_by_user_id() throws Exception {
        JsonNode authorize = authorize("ALIPAY", "s-ali");
        String channel = authorize.get("channel").asString();
        String appId = ALIPAY_APPS.get(channel);
        assertThat(authorize.get("authorize_url").asString())
                .startsWith(SimulatorProcess.shared().baseUrl() + "/_sim/oauth/alipay/authorize?app_id=" + appId
                        + "&scope=auth_base&redirect_uri=");
        Map<String, String> back = visit(authorize.get("authorize_url").asString(), null);
        assertThat(back).containsEntry("state", "s-ali");

        JsonNode payer = JSON.readTree(exchange(channel, "ALIPAY", back.get("auth_code"), null).getContentAsString());

        assertThat(payer.get("payer_id").asString()).startsWith("2088").hasSize(16);
        assertThat(payer.get("id_kind").asString()).isEqualTo("USER_ID");
        assertThat(payer.get("app_id").asString()).isEqualTo(appId);
    }

    @Test
    void an_alipay_app_created_since_2023_identifies_the_payer_by_openid() throws Exception {
        JsonNode authorize = authorize("ALIPAY", "s-ali-open");
        String channel = authorize.get("channel").asString();
        Map<String, String> back = visit(authorize.get("authorize_url").asString() + "&sim_openid=1", null);

        JsonNode payer = JSON.readTree(exchange(channel, "ALIPAY", back.get("auth_code"), null).getContentAsString());

        assertThat(payer.get("payer_id").asString()).hasSize(46);
        assertThat(payer.get("id_kind").asString()).isEqualTo("OPEN_ID");
        assertThat(payer.get("app_id").asString()).isEqualTo(ALIPAY_APPS.get(channel));
    }

    @Test
    void a_unionpay_payer_is_identified_by_the_app_user_id_of_their_wallet_app() throws Exception {
        JsonNode authorize = authorize("UNIONPAY", "s-up");
        assertThat(authorize.get("channel").asString()).isEqualTo("unionpay-a");
        Map<String, String> back = visit(authorize.get("authorize_url").asString(), CLOUDPAY_UA);
        assertThat(back).containsEntry("state", "s-up").containsEntry("respCode", "00");

        MockHttpServletResponse exchange = exchange("unionpay-a", "UNIONPAY", back.get("userAuthCode"), CLOUDPAY_UA);

        assertThat(exchange.getStatus()).as(exchange.getContentAsString()).isEqualTo(200);
        JsonNode payer = JSON.readTree(exchange.getContentAsString());
        assertThat(payer.get("payer_id").asString()).hasSize(64);
        assertThat(payer.get("id_kind").asString()).isEqualTo("APP_USER_ID");
        assertThat(payer.get("app_id").isNull()).isTrue();
    }

    @Test
    void a_unionpay_code_of_another_wallet_app_is_refused() throws Exception {
        JsonNode authorize = authorize("UNIONPAY", "s-up2");
        Map<String, String> back = visit(authorize.get("authorize_url").asString(), "Mozilla/5.0 UnionPay/1.0 BankApp");

        MockHttpServletResponse exchange = exchange("unionpay-a", "UNIONPAY", back.get("userAuthCode"), CLOUDPAY_UA);

        assertThat(exchange.getStatus()).isEqualTo(422);
        assertThat(JSON.readTree(exchange.getContentAsString()).get("code").asString()).isEqualTo("PAYER_AUTH_REFUSED");
    }

    @Test
    void a_merchant_without_channels_gets_404_no_channel_for_wallet() throws Exception {
        MockHttpServletResponse answer = authorizeRaw("{\"mch_no\":\"M99999\",\"wallet\":\"WECHAT\",\"return_url\":\""
                + RETURN_URL + "\",\"state\":\"s\"}");

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(JSON.readTree(answer.getContentAsString()).get("code").asString()).isEqualTo("NO_CHANNEL_FOR_WALLET");
    }

    @Test
    void bad_input_is_a_400_naming_the_field() throws Exception {
        MockHttpServletResponse answer = authorizeRaw("{\"mch_no\":\"M10001\",\"wallet\":\"WECHAT\","
                + "\"return_url\":\"/relative\",\"state\":\"s\"}");

        assertThat(answer.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("PARAM_INVALID");
        assertThat(problem.get("param").asString()).isEqualTo("return_url");
    }

    @Test
    void an_exchange_through_a_channel_of_another_wallet_is_refused_as_invalid() throws Exception {
        assertThat(exchange("alipay-a", "WECHAT", "abc", null).getStatus()).isEqualTo(400);
        assertThat(exchange("no-such-channel", "WECHAT", "abc", null).getStatus()).isEqualTo(404);
    }

    @Test
    void only_the_gateway_may_ask() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/internal/payer-auth/authorize")
                .header("X-Aggpay-Service", ServiceCallsForTests.token("order-service", SELF))
                .contentType(MediaType.APPLICATION_JSON).content("{\"mch_no\":\"M10001\",\"wallet\":\"WECHAT\","
                        + "\"return_url\":\"" + RETURN_URL + "\",\"state\":\"s\"}")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(403);
    }

    @Test
    void a_wechat_jsapi_order_naming_an_appid_is_placed_only_on_that_official_accounts_channel() throws Exception {
        JsonNode placed = place("WX_JSAPI", "{\"openid\":\"oSimPinned\",\"appid\":\"wx0000000000000002\"}");

        assertThat(placed.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(placed.get("channel").asString()).isEqualTo("wxpay-b");
    }

    @Test
    void an_alipay_openid_order_naming_its_app_is_placed_only_on_that_apps_channel() throws Exception {
        JsonNode placed = place("ALI_JSAPI", "{\"buyer_open_id\":\"074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5\","
                + "\"op_app_id\":\"2021000000000002\"}");

        assertThat(placed.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(placed.get("channel").asString()).isEqualTo("alipay-b");
    }

    @Test
    void an_order_naming_an_app_no_contracted_channel_has_finds_no_channel() throws Exception {
        JsonNode placed = place("WX_JSAPI", "{\"openid\":\"oSimPinned\",\"appid\":\"wx9999999999999999\"}");

        assertThat(placed.get("outcome").asString()).isEqualTo("NO_CHANNEL_AVAILABLE");
        assertThat(placed.get("attempts")).isEmpty();
    }

    private JsonNode authorize(String wallet, String state) throws Exception {
        MockHttpServletResponse answer = authorizeRaw("{\"mch_no\":\"M10001\",\"wallet\":\"" + wallet
                + "\",\"return_url\":\"" + RETURN_URL + "\",\"state\":\"" + state + "\"}");
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return JSON.readTree(answer.getContentAsString());
    }

    private MockHttpServletResponse authorizeRaw(String body) throws Exception {
        return mvc.perform(post("/internal/payer-auth/authorize").contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    private MockHttpServletResponse exchange(String channel, String wallet, String code, String userAgent)
            throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("wallet", wallet);
        body.put("code", code);
        body.put("user_agent", userAgent);
        return mvc.perform(post("/internal/payer-auth/exchange").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn().getResponse();
    }

    /** The payer's wallet opens the page (no fragment goes over the wire) and follows it back: the return query. */
    private Map<String, String> visit(String authorizeUrl, String userAgent) throws Exception {
        int hash = authorizeUrl.indexOf('#');
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hash < 0 ? authorizeUrl
                : authorizeUrl.substring(0, hash))).timeout(Duration.ofSeconds(10)).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        HttpResponse<String> response = wallet.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(RETURN_URL + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private JsonNode place(String payWay, String channelExtra) throws Exception {
        String payOrderId = "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String body = "{\"pay_order_id\":\"" + payOrderId + "\",\"mch_no\":\"M10001\",\"app_id\":\"demo-app\","
                + "\"amount\":100,\"currency\":\"CNY\",\"pay_way\":\"" + payWay + "\",\"subject\":\"Latte\","
                + "\"client_ip\":\"203.0.113.7\",\"expires_at\":\"" + OffsetDateTime.now().plusMinutes(15) + "\","
                + "\"channel_extra\":" + channelExtra + "}";
        MockHttpServletResponse answer = mvc.perform(post("/internal/trades")
                .header("X-Aggpay-Service", fromOrderService()).contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return JSON.readTree(answer.getContentAsString());
    }
}
