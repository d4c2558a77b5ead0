package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.PayerAuthOutcome;
import com.alipay.api.AlipayApiException;
import com.alipay.api.request.AlipaySystemOauthTokenRequest;
import com.alipay.api.response.AlipaySystemOauthTokenResponse;

/**
 * {@code alipay.system.oauth.token}: the auth_code of a silent auth_base authorisation → the payer's id. Apps
 * created before 2023 get the {@code user_id} (the buyer_id of trades), newer ones only an {@code open_id} (the
 * buyer_open_id); both are answered, user_id first.
 */
final class AliOAuthToken {

    private AliOAuthToken() {
    }

    static PayerAuthOutcome exchange(AliClients sdk, String appId, String code) {
        AlipaySystemOauthTokenRequest call = new AlipaySystemOauthTokenRequest();
        call.setGrantType("authorization_code");
        call.setCode(code);
        AlipaySystemOauthTokenResponse response;
        try {
            response = sdk.client().execute(call);
        } catch (AlipayApiException | RuntimeException e) {
            // transport, a non-200 answer or a response signature that did not verify: nothing trustworthy came back
            return new PayerAuthOutcome.Unavailable(AliMapper.connectFailure(e) ? "CONNECT_FAILED" : "NO_ANSWER",
                    e.getClass().getSimpleName());
        }
        return outcome(response, appId);
    }

    static PayerAuthOutcome outcome(AlipaySystemOauthTokenResponse response, String appId) {
        if (!response.isSuccess()) {
            String label = response.getSubCode() == null ? String.valueOf(response.getCode())
                    : response.getCode() + "/" + response.getSubCode();
            String message = response.getSubMsg() != null ? response.getSubMsg() : response.getMsg();
            // 20000 service unavailable and isp.* are Alipay's own faults, not a verdict on the code
            boolean alipayFault = "20000".equals(response.getCode())
                    || (response.getSubCode() != null && response.getSubCode().startsWith("isp."));
            return alipayFault ? new PayerAuthOutcome.Unavailable(label, message)
                    : new PayerAuthOutcome.Refused(label, message);
        }
        if (present(response.getUserId())) {
            return new PayerAuthOutcome.Identified(response.getUserId(), PayerAuthOutcome.IdKind.USER_ID, appId);
        }
        if (present(response.getOpenId())) {
            return new PayerAuthOutcome.Identified(response.getOpenId(), PayerAuthOutcome.IdKind.OPEN_ID, appId);
        }
        return new PayerAuthOutcome.Unavailable("MALFORMED_RESPONSE", "answer names neither user_id nor open_id");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
