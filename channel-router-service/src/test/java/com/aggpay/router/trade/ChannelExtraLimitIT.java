package com.aggpay.router.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.router.DemoChannelsITSupport;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** channel_extra beyond API.md's 4 KB is refused by the router itself with a stable code, never a 500. */
class ChannelExtraLimitIT extends DemoChannelsITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_70_kb_channel_extra_is_a_400_param_invalid_and_no_channel_is_called() throws Exception {
        String payOrderId = newPayOrderId();

        MockHttpServletResponse answer = place(payOrderId, "WX_JSAPI", "{\"openid\":\"" + "o".repeat(70_000) + "\"}");

        assertThat(answer.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("PARAM_INVALID");
        assertThat(problem.get("param").asString()).isEqualTo("channel_extra");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trade_attempt WHERE pay_order_id = ?", Integer.class,
                payOrderId)).isZero();
        verifyNoInteractions(orders);
    }

    @Test
    void many_small_entries_adding_up_past_4_kb_are_refused_too() throws Exception {
        StringBuilder extra = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            extra.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"vv\"");
        }
        MockHttpServletResponse answer = place(newPayOrderId(), "WX_NATIVE", extra.append('}').toString());

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(answer.getContentAsString()).get("param").asString()).isEqualTo("channel_extra");
    }

    @Test
    void a_channel_extra_within_4_kb_still_opens_the_trade() throws Exception {
        MockHttpServletResponse answer = place(newPayOrderId(), "WX_JSAPI",
                "{\"openid\":\"" + "o".repeat(4000) + "\"}");

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        assertThat(JSON.readTree(answer.getContentAsString()).get("outcome").asString()).isEqualTo("ACCEPTED");
    }

    private MockHttpServletResponse place(String payOrderId, String payWay, String channelExtra) throws Exception {
        String body = "{\"pay_order_id\":\"" + payOrderId + "\",\"mch_no\":\"M10001\",\"app_id\":\"demo-app\","
                + "\"amount\":100,\"currency\":\"CNY\",\"pay_way\":\"" + payWay + "\",\"subject\":\"Latte\","
                + "\"client_ip\":\"203.0.113.7\",\"expires_at\":\"" + OffsetDateTime.now().plusMinutes(15) + "\","
                + "\"channel_extra\":" + channelExtra + "}";
        return mvc.perform(post("/internal/trades").header("X-Aggpay-Service", fromOrderService())
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
    }

    private static String newPayOrderId() {
        return "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
