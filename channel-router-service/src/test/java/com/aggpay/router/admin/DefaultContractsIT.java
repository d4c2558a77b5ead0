package com.aggpay.router.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** {@code POST /internal/contracts/{mch_no}/defaults}: merchant-service's call when an operator approves a merchant. */
class DefaultContractsIT extends AdminITSupport {

    @Test
    void an_approved_merchant_gets_every_enabled_channel_once_and_keeps_what_an_operator_set(CapturedOutput logs)
            throws Exception {
        String mchNo = aMerchant();
        String disabledChannel = anAlipayChannel(); // created disabled: never a default
        String enabledChannel = anAlipayChannel();
        call(HttpMethod.PATCH, "/api/admin/channels/" + enabledChannel, java.util.Map.of("enabled", true));
        // an operator already contracted this merchant to the enabled channel, switched off: that choice stands
        call(HttpMethod.PUT, "/api/admin/contracts/" + mchNo + "/" + enabledChannel, "{\"enabled\":false}");
        List<String> enabledNow = jdbc.queryForList("SELECT name FROM channel_instance WHERE enabled = TRUE",
                String.class);

        MockHttpServletResponse first = fromMerchantService(mchNo, "{\"business_category\":\"CATERING\","
                + "\"operator\":\"admin\"}");
        MockHttpServletResponse again = fromMerchantService(mchNo, "{\"business_category\":\"CATERING\","
                + "\"operator\":\"admin\"}");

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode contracts = json(call(HttpMethod.GET, "/api/admin/contracts/" + mchNo, null)).get("contracts");
        List<String> channels = StreamSupport.stream(contracts.spliterator(), false)
                .map(contract -> contract.get("channel").asString()).toList();
        assertThat(channels).containsExactlyInAnyOrderElementsOf(enabledNow).doesNotContain(disabledChannel)
                .doesNotHaveDuplicates();
        JsonNode operatorsChoice = StreamSupport.stream(contracts.spliterator(), false)
                .filter(contract -> contract.get("channel").asString().equals(enabledChannel)).findFirst().orElseThrow();
        assertThat(operatorsChoice.get("enabled").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target LIKE ? AND action = ?",
                Integer.class, "contract:" + mchNo + "/%", "CONTRACT_CREATED"))
                .isEqualTo(enabledNow.size()); // the operator's one, then one per default, none for the retry
    }

    @Test
    void only_merchant_service_may_ask_and_a_bad_category_changes_nothing() throws Exception {
        String mchNo = aMerchant();
        MockHttpServletResponse fromOrders = mvc.perform(MockMvcRequestBuilders
                        .post("/internal/contracts/" + mchNo + "/defaults")
                        .header("X-Aggpay-Service", ServiceCallsForTests.token("order-service", "channel-router-service"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"business_category\":\"CATERING\",\"operator\":\"admin\"}"))
                .andReturn().getResponse();
        assertThat(fromOrders.getStatus()).isEqualTo(403);

        MockHttpServletResponse bad = fromMerchantService(mchNo, "{\"business_category\":\"catering; drop\","
                + "\"operator\":\"admin\"}");
        assertThat(problem(bad, 400, "PARAM_INVALID").get("param").asString()).isEqualTo("business_category");
        assertThat(json(call(HttpMethod.GET, "/api/admin/contracts/" + mchNo, null)).get("contracts").size()).isZero();
    }

    private MockHttpServletResponse fromMerchantService(String mchNo, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/internal/contracts/" + mchNo + "/defaults")
                        .header("X-Aggpay-Service", ServiceCallsForTests.token("merchant-service",
                                "channel-router-service"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }
}
