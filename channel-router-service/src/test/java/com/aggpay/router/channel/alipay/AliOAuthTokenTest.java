package com.aggpay.router.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.PayerAuthOutcome;
import com.alipay.api.response.AlipaySystemOauthTokenResponse;
import org.junit.jupiter.api.Test;

class AliOAuthTokenTest {

    private static final String APP = "2021000000000001";

    private static AlipaySystemOauthTokenResponse anAnswer(String userId, String openId) {
        AlipaySystemOauthTokenResponse r = new AlipaySystemOauthTokenResponse();
        r.setUserId(userId);
        r.setOpenId(openId);
        r.setAccessToken("authbseB1");
        return r;
    }

    private static AlipaySystemOauthTokenResponse anError(String code, String subCode) {
        AlipaySystemOauthTokenResponse r = new AlipaySystemOauthTokenResponse();
        r.setCode(code);
        r.setSubCode(subCode);
        r.setSubMsg("msg");
        return r;
    }

    @Test
    void an_older_app_learns_the_payers_user_id() {
        assertThat(AliOAuthToken.outcome(anAnswer("2088000000000001", null), APP)).isEqualTo(
                new PayerAuthOutcome.Identified("2088000000000001", PayerAuthOutcome.IdKind.USER_ID, APP));
    }

    @Test
    void an_app_created_since_2023_learns_only_an_openid() {
        assertThat(AliOAuthToken.outcome(anAnswer(null, "074a1CcTG1"), APP)).isEqualTo(
                new PayerAuthOutcome.Identified("074a1CcTG1", PayerAuthOutcome.IdKind.OPEN_ID, APP));
    }

    @Test
    void an_invalid_code_is_a_refusal_and_alipays_own_faults_are_no_clear_answer() {
        assertThat(AliOAuthToken.outcome(anError("40002", "isv.code-invalid"), APP))
                .isEqualTo(new PayerAuthOutcome.Refused("40002/isv.code-invalid", "msg"));
        assertThat(AliOAuthToken.outcome(anError("20000", "isp.unknow-error"), APP))
                .isInstanceOf(PayerAuthOutcome.Unavailable.class);
    }

    @Test
    void an_answer_naming_no_payer_is_no_clear_answer() {
        assertThat(AliOAuthToken.outcome(anAnswer(null, null), APP)).isInstanceOf(PayerAuthOutcome.Unavailable.class);
    }
}
