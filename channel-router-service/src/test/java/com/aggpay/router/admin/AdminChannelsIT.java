package com.aggpay.router.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.store.ChannelInstances;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class AdminChannelsIT extends AdminITSupport {

    @Autowired
    ChannelInstances instances;

    @Test
    void a_created_channel_is_shown_with_its_settings_and_never_its_credentials(CapturedOutput logs) throws Exception {
        String name = anAlipayChannel();

        MockHttpServletResponse response = call(HttpMethod.GET, "/api/admin/channels/" + name, null);

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode channel = json(response);
        assertThat(channel.get("name").asString()).isEqualTo(name);
        assertThat(channel.get("type").asString()).isEqualTo("ALIPAY");
        assertThat(channel.get("account_id").asString()).isEqualTo("2021009999999999");
        assertThat(channel.get("pay_ways").values()).extracting(JsonNode::asString).containsExactly("ALI_QR", "ALI_WAP");
        assertThat(channel.get("fee_rate_ppm").asInt()).isEqualTo(3800);
        assertThat(channel.get("api_base_url").asString()).isEqualTo("https://openapi.alipay.com");
        assertThat(channel.has("credentials")).isFalse();
        assertThat(response.getContentAsString()).doesNotContain("SECRET-MARKER");
        assertThat(logs.getOut()).contains("event=CHANNEL_CREATED operator=ops-test target=channel:" + name)
                .doesNotContain("SECRET-MARKER");
    }

    @Test
    void a_new_channel_takes_no_traffic_until_an_operator_enables_it() throws Exception {
        JsonNode channel = json(call(HttpMethod.GET, "/api/admin/channels/" + anAlipayChannel(), null));

        assertThat(channel.get("enabled").asBoolean()).isFalse();
        assertThat(channel.get("priority").asInt()).isEqualTo(100);
        assertThat(channel.get("weight").asInt()).isEqualTo(100);
        assertThat(channel.get("min_amount").asLong()).isEqualTo(1);
        assertThat(channel.get("max_amount").isNull()).isTrue();
        assertThat(channel.get("daily_cap").isNull()).isTrue();
    }

    @Test
    void credentials_are_sealed_at_rest_and_open_to_what_the_operator_sent() throws Exception {
        String name = anAlipayChannel();

        String stored = jdbc.queryForObject("SELECT credentials_enc FROM channel_instance WHERE name = ?", String.class,
                name);

        assertThat(stored).startsWith("v1:").doesNotContain("SECRET-MARKER");
        assertThat(instances.find(name).orElseThrow().credentials())
                .isEqualTo(Map.of("app_private_key", PRIVATE_KEY_MARKER, "alipay_public_key", "ALIPAY-PUBLIC-KEY"));
    }

    @Test
    void creating_a_channel_under_a_name_in_use_is_a_409() throws Exception {
        String name = anAlipayChannel();

        MockHttpServletResponse again = call(HttpMethod.POST, "/api/admin/channels", Map.of(
                "name", name, "type", "ALIPAY", "account_id", "2021000000000009", "api_base_url", "https://x.example",
                "fee_rate_ppm", 1, "pay_ways", List.of("ALI_QR"),
                "credentials", Map.of("app_private_key", "k", "alipay_public_key", "p")));

        assertThat(problem(again, 409, "CHANNEL_EXISTS").get("param").asString()).isEqualTo("name");
    }

    @Test
    void creating_a_channel_without_a_credential_its_type_needs_is_a_400_naming_the_key() throws Exception {
        MockHttpServletResponse response = call(HttpMethod.POST, "/api/admin/channels", Map.of(
                "name", "adm-missing-key", "type", "WXPAY_V2", "account_id", "1900000099",
                "api_base_url", "https://api.mch.weixin.qq.com", "fee_rate_ppm", 6000, "pay_ways", List.of("WX_NATIVE"),
                "credentials", Map.of("appid", "wx1", "api_key", "SECRET-MARKER-api-key")));

        JsonNode problem = problem(response, 400, "PARAM_INVALID");
        assertThat(problem.get("param").asString()).isEqualTo("credentials.sign_type");
        assertThat(response.getContentAsString()).doesNotContain("SECRET-MARKER");
    }

    @Test
    void a_patch_changes_only_the_fields_sent_and_audits_them_before_and_after(CapturedOutput logs) throws Exception {
        String name = anAlipayChannel();

        MockHttpServletResponse response = call(HttpMethod.PATCH, "/api/admin/channels/" + name,
                "{\"enabled\":true,\"priority\":5,\"max_amount\":5000000,\"pay_ways\":[\"ALI_QR\"]}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode channel = json(response);
        assertThat(channel.get("enabled").asBoolean()).isTrue();
        assertThat(channel.get("priority").asInt()).isEqualTo(5);
        assertThat(channel.get("max_amount").asLong()).isEqualTo(5_000_000);
        assertThat(channel.get("pay_ways").values()).extracting(JsonNode::asString).containsExactly("ALI_QR");
        assertThat(channel.get("weight").asInt()).isEqualTo(100);
        assertThat(channel.get("fee_rate_ppm").asInt()).isEqualTo(3800);
        assertThat(logs.getOut()).contains("event=CHANNEL_UPDATED operator=ops-test target=channel:" + name
                + " before={enabled=false, max_amount=null, pay_ways=ALI_QR,ALI_WAP, priority=100}"
                + " after={enabled=true, max_amount=5000000, pay_ways=ALI_QR, priority=5}");
    }

    @Test
    void a_null_limit_in_a_patch_removes_the_limit() throws Exception {
        String name = anAlipayChannel();
        call(HttpMethod.PATCH, "/api/admin/channels/" + name, "{\"daily_cap\":100000}");

        JsonNode channel = json(call(HttpMethod.PATCH, "/api/admin/channels/" + name, "{\"daily_cap\":null}"));

        assertThat(channel.get("daily_cap").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"priority\":\"5\"}                | priority",
            "{\"weight\":-1}                     | weight",
            "{\"fee_rate_ppm\":1.5}              | fee_rate_ppm",
            "{\"min_amount\":0}                  | min_amount",
            "{\"min_amount\":900, \"max_amount\":800} | max_amount",
            "{\"enabled\":\"yes\"}               | enabled",
            "{\"pay_ways\":[\"WX_NATIVE\"]}      | pay_ways",
            "{\"pay_ways\":[]}                   | pay_ways",
            "{\"pay_ways\":[\"ALI_QR\",\"ALI_QR\"]} | pay_ways",
            "{\"priority\":1, \"colour\":\"red\"} | colour",
    })
    void an_invalid_patch_is_a_400_naming_the_field_and_changes_nothing(String body, String param) throws Exception {
        String name = anAlipayChannel();

        MockHttpServletResponse response = call(HttpMethod.PATCH, "/api/admin/channels/" + name, body);

        assertThat(problem(response, 400, "PARAM_INVALID").get("param").asString()).isEqualTo(param);
        assertThat(json(call(HttpMethod.GET, "/api/admin/channels/" + name, null)).get("priority").asInt())
                .isEqualTo(100);
    }

    @Test
    void an_empty_patch_is_a_400() throws Exception {
        problem(call(HttpMethod.PATCH, "/api/admin/channels/" + anAlipayChannel(), "{}"), 400, "PARAM_INVALID");
    }

    @Test
    void an_unknown_channel_is_a_404_for_reading_and_changing() throws Exception {
        problem(call(HttpMethod.GET, "/api/admin/channels/adm-no-such", null), 404, "CHANNEL_UNKNOWN");
        problem(call(HttpMethod.PATCH, "/api/admin/channels/adm-no-such", "{\"priority\":1}"), 404, "CHANNEL_UNKNOWN");
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/admin/channels/wxpay-a", "PATCH, /api/admin/channels/wxpay-a", "POST, /api/admin/channels",
            "GET, /api/admin/contracts/M10001", "PUT, /api/admin/contracts/M10001/wxpay-a",
            "GET, /api/admin/routing/default", "PUT, /api/admin/routing/default", "DELETE, /api/admin/routing/M10001",
            "GET, /api/admin/trades?pay_order_id=po_1"})
    void a_call_that_did_not_come_through_the_gateways_operator_check_is_a_401(String method, String path)
            throws Exception {
        MockHttpServletResponse response = callWithoutOperator(HttpMethod.valueOf(method), path,
                method.equals("GET") || method.equals("DELETE") ? null : "{\"enabled\":false}");

        problem(response, 401, "OPERATOR_UNAUTHENTICATED");
    }
}
