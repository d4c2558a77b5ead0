package com.aggpay.router.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.IllegalTransactionStateException;
import tools.jackson.databind.JsonNode;

/** Every operator action on the router lands in {@code operator_audit}: who, when, what, before and after. */
class AdminAuditIT extends AdminITSupport {

    @Autowired
    AdminAudit audit;

    @Test
    void a_patch_stores_the_operator_and_the_channel_before_and_after() throws Exception {
        String name = anAlipayChannel();

        call(HttpMethod.PATCH, "/api/admin/channels/" + name, "{\"enabled\":true,\"priority\":5}");

        JsonNode entries = entries("channel:" + name, 10);
        assertThat(entries.size()).isEqualTo(2);
        JsonNode patch = entries.get(0);
        assertThat(patch.get("action").asString()).isEqualTo("CHANNEL_UPDATED");
        assertThat(patch.get("operator").asString()).isEqualTo(OPERATOR);
        assertThat(patch.get("target").asString()).isEqualTo("channel:" + name);
        assertThat(patch.get("before").get("enabled").asBoolean()).isFalse();
        assertThat(patch.get("before").get("priority").asInt()).isEqualTo(100);
        assertThat(patch.get("after").get("enabled").asBoolean()).isTrue();
        assertThat(patch.get("after").get("priority").asInt()).isEqualTo(5);
        assertThat(patch.get("after").get("fee_rate_ppm").asInt()).isEqualTo(3800);
        assertThat(patch.get("request_id").asString()).startsWith("req_");
        assertThat(patch.get("occurred_at").asString()).isNotBlank();
        JsonNode creation = entries.get(1);
        assertThat(creation.get("action").asString()).isEqualTo("CHANNEL_CREATED");
        assertThat(creation.get("before").isNull()).isTrue();
        assertThat(patch.get("id").asLong()).isGreaterThan(creation.get("id").asLong());

        Map<String, Object> row = jdbc.queryForMap("SELECT operator, action, before_json, after_json FROM operator_audit"
                + " WHERE target = ? ORDER BY id DESC LIMIT 1", "channel:" + name);
        assertThat(row.get("operator")).isEqualTo(OPERATOR);
        assertThat((String) row.get("before_json")).contains("\"priority\":100");
        assertThat((String) row.get("after_json")).contains("\"priority\":5");
    }

    @Test
    void sealed_credentials_never_appear_in_the_audit_table_or_its_answer() throws Exception {
        String name = anAlipayChannel();
        call(HttpMethod.PATCH, "/api/admin/channels/" + name, "{\"weight\":7}");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT before_json, after_json FROM operator_audit WHERE target = ?", "channel:" + name);
        MockHttpServletResponse answer = call(HttpMethod.GET, "/api/admin/audit?target=channel:" + name, null);

        assertThat(rows).hasSize(2);
        assertThat(rows.toString()).doesNotContain("SECRET-MARKER").doesNotContain("BEGIN PRIVATE KEY")
                .doesNotContain("ALIPAY-PUBLIC-KEY");
        assertThat(answer.getContentAsString()).doesNotContain("SECRET-MARKER").doesNotContain("ALIPAY-PUBLIC-KEY");
        JsonNode created = json(answer).get(1);
        assertThat(created.get("after").get("credentials").asString())
                .isEqualTo("<sealed: alipay_public_key,app_private_key>");
    }

    @Test
    void contracts_routing_policies_and_circuit_resets_are_recorded_too() throws Exception {
        String mchNo = aMerchant();
        String channel = anAlipayChannel();
        call(HttpMethod.PUT, "/api/admin/contracts/" + mchNo + "/" + channel, "{\"enabled\":true,\"daily_cap\":100}");
        call(HttpMethod.PUT, "/api/admin/routing/" + mchNo,
                "{\"strategy\":\"WEIGHTED\",\"min_sample\":5,\"exploration_share\":0.1}");
        call(HttpMethod.DELETE, "/api/admin/routing/" + mchNo, null);
        MockHttpServletResponse reset = call(HttpMethod.POST, "/api/admin/channels/" + channel + "/circuit/reset", null);

        assertThat(reset.getStatus()).isEqualTo(200);
        JsonNode contract = entries("contract:" + mchNo + "/" + channel, 5).get(0);
        assertThat(contract.get("action").asString()).isEqualTo("CONTRACT_CREATED");
        assertThat(contract.get("after").get("daily_cap").asLong()).isEqualTo(100);
        JsonNode routing = entries("routing:" + mchNo, 5);
        assertThat(routing.get(0).get("action").asString()).isEqualTo("ROUTING_POLICY_REMOVED");
        assertThat(routing.get(0).get("before").get("strategy").asString()).isEqualTo("WEIGHTED");
        assertThat(routing.get(0).get("after").isNull()).isTrue();
        assertThat(routing.get(1).get("action").asString()).isEqualTo("ROUTING_POLICY_CREATED");
        JsonNode circuit = entries("channel:" + channel, 1).get(0);
        assertThat(circuit.get("action").asString()).isEqualTo("CIRCUIT_RESET");
        assertThat(circuit.get("after").get("circuit_state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void without_a_target_the_newest_entries_come_first_up_to_the_limit() throws Exception {
        String first = anAlipayChannel();
        String second = anAlipayChannel();

        JsonNode newest = json(call(HttpMethod.GET, "/api/admin/audit?limit=2", null));

        assertThat(newest.size()).isEqualTo(2);
        assertThat(newest.get(0).get("id").asLong()).isGreaterThan(newest.get(1).get("id").asLong());
        assertThat(newest.get(0).get("target").asString()).isEqualTo("channel:" + second);
        assertThat(json(call(HttpMethod.GET, "/api/admin/audit", null)).toString()).contains("channel:" + first);
    }

    @Test
    void reading_the_audit_needs_the_operator_header_and_a_sane_limit() throws Exception {
        problem(callWithoutOperator(HttpMethod.GET, "/api/admin/audit", null), 401, "OPERATOR_UNAUTHENTICATED");
        for (String limit : List.of("0", "501", "abc", "-1", "1e2")) {
            JsonNode problem = problem(call(HttpMethod.GET, "/api/admin/audit?limit=" + limit, null), 400,
                    "PARAM_INVALID");
            assertThat(problem.get("param").asString()).isEqualTo("limit");
        }
        problem(call(HttpMethod.GET, "/api/admin/audit?target=" + "x".repeat(129), null), 400, "PARAM_INVALID");
    }

    @Test
    void a_configuration_change_cannot_be_recorded_outside_the_transaction_that_makes_it() {
        String target = "channel:outside-" + System.nanoTime();

        assertThatThrownBy(() -> audit.changed(OPERATOR, "CHANNEL_UPDATED", target, Map.of("priority", 1),
                Map.of("priority", 2))).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE target = ?", Integer.class, target))
                .isZero();
    }

    @Test
    void fields_named_like_credentials_are_sealed_even_if_a_caller_passes_them() {
        Map<String, Object> scrubbed = AdminAudit.scrubbed(Map.of("app_private_key", "-----BEGIN PRIVATE KEY-----",
                "api_v3_key", "k", "credentials", Map.of("api_key", "k"), "priority", 5));

        assertThat(scrubbed).containsEntry("app_private_key", "<sealed>").containsEntry("api_v3_key", "<sealed>")
                .containsEntry("credentials", "<sealed>").containsEntry("priority", 5);
    }

    private JsonNode entries(String target, int limit) throws Exception {
        MockHttpServletResponse answer = call(HttpMethod.GET, "/api/admin/audit?target=" + target + "&limit=" + limit,
                null);
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        return json(answer);
    }
}
