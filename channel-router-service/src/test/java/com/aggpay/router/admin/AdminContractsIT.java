package com.aggpay.router.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class AdminContractsIT extends AdminITSupport {

    @Test
    void a_merchant_without_contracts_has_an_empty_list() throws Exception {
        String mchNo = aMerchant();

        JsonNode contracts = json(call(HttpMethod.GET, "/api/admin/contracts/" + mchNo, null));

        assertThat(contracts.get("mch_no").asString()).isEqualTo(mchNo);
        assertThat(contracts.get("contracts").size()).isZero();
    }

    @Test
    void put_contracts_a_merchant_to_a_channel_and_the_list_shows_it(CapturedOutput logs) throws Exception {
        String mchNo = aMerchant();
        String channel = anAlipayChannel();

        MockHttpServletResponse response = call(HttpMethod.PUT, "/api/admin/contracts/" + mchNo + "/" + channel,
                "{\"enabled\":true,\"sub_mch_id\":\"2088000000000001\",\"daily_cap\":5000000}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode listed = json(call(HttpMethod.GET, "/api/admin/contracts/" + mchNo, null)).get("contracts").get(0);
        assertThat(listed.get("channel").asString()).isEqualTo(channel);
        assertThat(listed.get("enabled").asBoolean()).isTrue();
        assertThat(listed.get("sub_mch_id").asString()).isEqualTo("2088000000000001");
        assertThat(listed.get("daily_cap").asLong()).isEqualTo(5_000_000);
        assertThat(listed.get("created_at").asString()).endsWith("Z");
        assertThat(logs.getOut()).contains("event=CONTRACT_CREATED operator=ops-test target=contract:" + mchNo + "/"
                + channel + " before=- after={daily_cap=5000000, enabled=true, sub_mch_id=2088000000000001}");
    }

    @Test
    void put_replaces_the_whole_contract_and_audits_what_changed(CapturedOutput logs) throws Exception {
        String mchNo = aMerchant();
        String channel = anAlipayChannel();
        String path = "/api/admin/contracts/" + mchNo + "/" + channel;
        call(HttpMethod.PUT, path, "{\"enabled\":true,\"sub_mch_id\":\"S1\",\"daily_cap\":100}");

        JsonNode contract = json(call(HttpMethod.PUT, path, "{\"enabled\":false}"));

        assertThat(contract.get("enabled").asBoolean()).isFalse();
        assertThat(contract.get("sub_mch_id").isNull()).isTrue();
        assertThat(contract.get("daily_cap").isNull()).isTrue();
        assertThat(logs.getOut()).contains("event=CONTRACT_UPDATED operator=ops-test target=contract:" + mchNo + "/"
                + channel + " before={daily_cap=100, enabled=true, sub_mch_id=S1}"
                + " after={daily_cap=null, enabled=false, sub_mch_id=null}");
    }

    @Test
    void a_contract_to_an_unknown_channel_is_a_404() throws Exception {
        MockHttpServletResponse response = call(HttpMethod.PUT, "/api/admin/contracts/" + aMerchant() + "/adm-nowhere",
                "{\"enabled\":true}");

        assertThat(problem(response, 404, "CHANNEL_UNKNOWN").get("param").asString()).isEqualTo("channel");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                          | enabled",
            "{\"enabled\":1}                             | enabled",
            "{\"enabled\":true,\"sub_mch_id\":\"a b\"}   | sub_mch_id",
            "{\"enabled\":true,\"daily_cap\":0}          | daily_cap",
            "{\"enabled\":true,\"priority\":1}           | priority",
    })
    void an_invalid_contract_is_a_400_naming_the_field(String body, String param) throws Exception {
        MockHttpServletResponse response = call(HttpMethod.PUT,
                "/api/admin/contracts/" + aMerchant() + "/" + anAlipayChannel(), body);

        assertThat(problem(response, 400, "PARAM_INVALID").get("param").asString()).isEqualTo(param);
    }
}
