package com.aggpay.router.payerauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.PayerAuthOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WxOAuthTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PayerAuthOutcome answer(String json) {
        return WxOAuth.outcome(JSON.readTree(json), "wx0000000000000001");
    }

    @Test
    void a_token_answer_names_the_payer_by_openid_of_the_channels_app() {
        assertThat(answer("{\"access_token\":\"T\",\"expires_in\":7200,\"openid\":\"oSim123\",\"scope\":\"snsapi_base\"}"))
                .isEqualTo(new PayerAuthOutcome.Identified("oSim123", PayerAuthOutcome.IdKind.OPENID,
                        "wx0000000000000001"));
    }

    @Test
    void an_invalid_or_used_code_is_a_refusal() {
        assertThat(answer("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"))
                .isEqualTo(new PayerAuthOutcome.Refused("40029", "invalid code"));
        assertThat(answer("{\"errcode\":40163,\"errmsg\":\"code been used\"}"))
                .isInstanceOf(PayerAuthOutcome.Refused.class);
    }

    @Test
    void system_busy_is_no_clear_answer() {
        assertThat(answer("{\"errcode\":-1,\"errmsg\":\"system error\"}"))
                .isInstanceOf(PayerAuthOutcome.Unavailable.class);
    }

    @Test
    void an_answer_without_openid_or_not_an_object_is_no_clear_answer() {
        assertThat(answer("{\"access_token\":\"T\"}")).isInstanceOf(PayerAuthOutcome.Unavailable.class);
        assertThat(answer("[1]")).isInstanceOf(PayerAuthOutcome.Unavailable.class);
    }
}
