package com.aggpay.router.payerauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import org.junit.jupiter.api.Test;

class PayerAuthInputTest {

    private static AuthorizeRequest anAuthorize(String wallet, String returnUrl, String state) {
        return new AuthorizeRequest("M10001", wallet, returnUrl, state);
    }

    private static void refused(Runnable check, String param) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAM_INVALID);
            assertThat(e.param()).isEqualTo(param);
        });
    }

    @Test
    void a_well_formed_authorize_request_passes() {
        AuthorizeRequest ok = anAuthorize("WECHAT", "https://pay.example.com/cashier/oauth/return?x=1", "a".repeat(128));

        assertThat(PayerAuthInput.checked(ok)).isSameAs(ok);
    }

    @Test
    void an_unknown_or_lower_case_wallet_is_refused() {
        refused(() -> PayerAuthInput.checked(anAuthorize("PAYPAL", "https://a.example/r", "s")), "wallet");
        refused(() -> PayerAuthInput.checked(anAuthorize("wechat", "https://a.example/r", "s")), "wallet");
        refused(() -> PayerAuthInput.checked(anAuthorize(null, "https://a.example/r", "s")), "wallet");
    }

    @Test
    void a_return_url_must_be_absolute_http_without_user_info_or_fragment() {
        for (String bad : new String[] {"/cashier/oauth/return", "ftp://a.example/r", "javascript:alert(1)",
                "https://user@a.example/r", "https://a.example/r#frag", "https:///nohost", "https://a.example/"
                + "r".repeat(1100), null}) {
            refused(() -> PayerAuthInput.checked(anAuthorize("ALIPAY", bad, "s")), "return_url");
        }
    }

    @Test
    void a_state_is_1_to_128_unreserved_characters() {
        refused(() -> PayerAuthInput.checked(anAuthorize("UNIONPAY", "https://a.example/r", "")), "state");
        refused(() -> PayerAuthInput.checked(anAuthorize("UNIONPAY", "https://a.example/r", "a".repeat(129))), "state");
        refused(() -> PayerAuthInput.checked(anAuthorize("UNIONPAY", "https://a.example/r", "a&b=c")), "state");
        refused(() -> PayerAuthInput.checked(anAuthorize("UNIONPAY", "https://a.example/r", "a b")), "state");
    }

    @Test
    void an_exchange_needs_a_channel_name_a_wallet_and_a_code_without_spaces() {
        ExchangeRequest ok = new ExchangeRequest("unionpay-a", "UNIONPAY", "uskMsSXHS1KBLHZ90+iDzA==", null);
        assertThat(PayerAuthInput.checked(ok)).isSameAs(ok);

        refused(() -> PayerAuthInput.checked(new ExchangeRequest("Bad Name", "WECHAT", "c", null)), "channel");
        refused(() -> PayerAuthInput.checked(new ExchangeRequest("wxpay-a", "WECHAT", "a code", null)), "code");
        refused(() -> PayerAuthInput.checked(new ExchangeRequest("wxpay-a", "WECHAT", null, null)), "code");
        refused(() -> PayerAuthInput.checked(new ExchangeRequest("wxpay-a", "WECHAT", "c", "u".repeat(1025))),
                "user_agent");
    }
}
