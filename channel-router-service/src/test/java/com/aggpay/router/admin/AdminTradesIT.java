package com.aggpay.router.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

class AdminTradesIT extends AdminITSupport {

    @Test
    void every_attempt_of_an_order_is_listed_in_order_without_its_pay_data() throws Exception {
        String payOrderId = "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String base = payOrderId.substring(3);
        attempt(base + "01", payOrderId, 1, "wxpay-a", "UNKNOWN", "SYSTEM_ERROR", "PENDING", null);
        attempt(base + "02", payOrderId, 2, "wxpay-b", "ACCEPTED", null, null, "weixin://wxpay/bizpayurl?pr=SECRETPAY");

        MockHttpServletResponse response = call(HttpMethod.GET, "/api/admin/trades?pay_order_id=" + payOrderId, null);

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("pay_order_id").asString()).isEqualTo(payOrderId);
        JsonNode first = body.get("attempts").get(0);
        JsonNode second = body.get("attempts").get(1);
        assertThat(first.get("seq").asInt()).isEqualTo(1);
        assertThat(first.get("channel").asString()).isEqualTo("wxpay-a");
        assertThat(first.get("out_trade_no").asString()).isEqualTo(base + "01");
        assertThat(first.get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(first.get("channel_code").asString()).isEqualTo("SYSTEM_ERROR");
        assertThat(first.get("latency_ms").asLong()).isEqualTo(1200);
        assertThat(first.get("tries").asInt()).isEqualTo(1);
        assertThat(first.get("close_state").asString()).isEqualTo("PENDING");
        assertThat(first.get("created_at").asString()).endsWith("Z");
        assertThat(second.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(second.get("close_state").isNull()).isTrue();
        assertThat(response.getContentAsString()).doesNotContain("SECRETPAY").doesNotContain("pay_data");
    }

    @Test
    void an_order_the_router_never_saw_has_no_attempts() throws Exception {
        JsonNode body = json(call(HttpMethod.GET, "/api/admin/trades?pay_order_id=po_never_seen_" + 1, null));

        assertThat(body.get("attempts").size()).isZero();
    }

    @Test
    void the_order_id_is_required() throws Exception {
        assertThat(problem(call(HttpMethod.GET, "/api/admin/trades", null), 400, "PARAM_INVALID").get("param")
                .asString()).isEqualTo("pay_order_id");
    }

    private void attempt(String outTradeNo, String payOrderId, int seq, String channel, String outcome,
                         String channelCode, String closeState, String payData) {
        jdbc.update("""
                INSERT INTO trade_attempt (out_trade_no, pay_order_id, mch_no, seq, channel, pay_way, amount, outcome,
                                           channel_code, latency_ms, pay_data_type, pay_data, close_state, tries,
                                           created_at, updated_at)
                VALUES (?, ?, 'MADMTRADES', ?, ?, 'WX_NATIVE', 100, ?, ?, 1200, ?, ?, ?, 1, NOW(3), NOW(3))""",
                outTradeNo, payOrderId, seq, channel, outcome, channelCode, payData == null ? null : "CODE_URL",
                payData, closeState);
    }
}
