package com.aggpay.router.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class AdminRoutingIT extends AdminITSupport {

    @Test
    void a_merchant_without_its_own_policy_is_shown_the_default_as_inherited() throws Exception {
        JsonNode platform = json(call(HttpMethod.GET, "/api/admin/routing/default", null));
        String mchNo = aMerchant();

        JsonNode merchant = json(call(HttpMethod.GET, "/api/admin/routing/" + mchNo, null));

        assertThat(platform.get("mch_no").asString()).isEqualTo("default");
        assertThat(platform.get("inherited").asBoolean()).isFalse();
        assertThat(merchant.get("mch_no").asString()).isEqualTo(mchNo);
        assertThat(merchant.get("inherited").asBoolean()).isTrue();
        assertThat(merchant.get("strategy")).isEqualTo(platform.get("strategy"));
        assertThat(merchant.get("min_sample")).isEqualTo(platform.get("min_sample"));
        assertThat(merchant.get("exploration_share").decimalValue())
                .isEqualByComparingTo(platform.get("exploration_share").decimalValue());
    }

    @Test
    void put_gives_a_merchant_its_own_policy_and_delete_hands_it_back_to_the_default(CapturedOutput logs)
            throws Exception {
        String mchNo = aMerchant();

        MockHttpServletResponse put = call(HttpMethod.PUT, "/api/admin/routing/" + mchNo,
                "{\"strategy\":\"WEIGHTED\",\"min_sample\":50,\"exploration_share\":0.1}");

        assertThat(put.getStatus()).isEqualTo(200);
        JsonNode own = json(call(HttpMethod.GET, "/api/admin/routing/" + mchNo, null));
        assertThat(own.get("strategy").asString()).isEqualTo("WEIGHTED");
        assertThat(own.get("min_sample").asInt()).isEqualTo(50);
        assertThat(own.get("exploration_share").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(own.get("inherited").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT strategy FROM routing_policy WHERE mch_no = ?", String.class, mchNo))
                .isEqualTo("WEIGHTED");
        assertThat(logs.getOut()).contains("event=ROUTING_POLICY_CREATED operator=ops-test target=routing:" + mchNo
                + " before=- after={exploration_share=0.1, min_sample=50, strategy=WEIGHTED}");

        assertThat(call(HttpMethod.DELETE, "/api/admin/routing/" + mchNo, null).getStatus()).isEqualTo(204);
        assertThat(json(call(HttpMethod.GET, "/api/admin/routing/" + mchNo, null)).get("inherited").asBoolean())
                .isTrue();
        assertThat(logs.getOut()).contains("event=ROUTING_POLICY_REMOVED operator=ops-test target=routing:" + mchNo);
    }

    /**
     * Other test runs share this database and route by the default, so the default is written back with the values
     * it has: what is proven is that "default" addresses the stored '*' row.
     */
    @Test
    void the_platform_default_is_addressed_as_default_and_stored_as_star() throws Exception {
        Map<String, Object> current = jdbc.queryForMap(
                "SELECT strategy, min_sample, exploration_share FROM routing_policy WHERE mch_no = '*'");
        var before = jdbc.queryForObject("SELECT updated_at FROM routing_policy WHERE mch_no = '*'",
                java.sql.Timestamp.class);

        MockHttpServletResponse put = call(HttpMethod.PUT, "/api/admin/routing/default", Map.of(
                "strategy", current.get("strategy"), "min_sample", current.get("min_sample"),
                "exploration_share", current.get("exploration_share")));

        assertThat(put.getStatus()).isEqualTo(200);
        assertThat(json(put).get("mch_no").asString()).isEqualTo("default");
        assertThat(jdbc.queryForObject("SELECT updated_at FROM routing_policy WHERE mch_no = '*'",
                java.sql.Timestamp.class)).isAfterOrEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM routing_policy WHERE mch_no = 'default'", Integer.class))
                .isZero();
    }

    @Test
    void the_platform_default_cannot_be_removed() throws Exception {
        MockHttpServletResponse response = call(HttpMethod.DELETE, "/api/admin/routing/default", null);

        assertThat(problem(response, 400, "PARAM_INVALID").get("param").asString()).isEqualTo("mch_no");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"strategy\":\"RANDOM\",\"min_sample\":1,\"exploration_share\":0}          | strategy",
            "{\"strategy\":\"WEIGHTED\",\"min_sample\":-1,\"exploration_share\":0}       | min_sample",
            "{\"strategy\":\"WEIGHTED\",\"min_sample\":1,\"exploration_share\":1.5}      | exploration_share",
            "{\"strategy\":\"WEIGHTED\",\"min_sample\":1,\"exploration_share\":0.12345}  | exploration_share",
            "{\"strategy\":\"WEIGHTED\",\"min_sample\":1,\"exploration_share\":\"0.1\"}  | exploration_share",
            "{\"strategy\":\"WEIGHTED\",\"min_sample\":1}                                | exploration_share",
    })
    void an_invalid_policy_is_a_400_naming_the_field(String body, String param) throws Exception {
        MockHttpServletResponse response = call(HttpMethod.PUT, "/api/admin/routing/" + aMerchant(), body);

        assertThat(problem(response, 400, "PARAM_INVALID").get("param").asString()).isEqualTo(param);
    }
}
