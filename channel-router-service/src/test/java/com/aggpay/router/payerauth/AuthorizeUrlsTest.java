package com.aggpay.router.payerauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizeUrlsTest {

    private static final String RETURN_URL = "https://pay.example.com/cashier/oauth/return";

    @Test
    void the_wechat_url_asks_for_a_silent_snsapi_base_code_in_wechats_own_parameter_order() {
        String url = AuthorizeUrls.wechat("https://open.weixin.qq.com/connect/oauth2/authorize", "wx0000000000000001",
                RETURN_URL, "st_1.a~b-c");

        assertThat(url).isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx0000000000000001"
                + "&redirect_uri=https%3A%2F%2Fpay.example.com%2Fcashier%2Foauth%2Freturn"
                + "&response_type=code&scope=snsapi_base&state=st_1.a~b-c#wechat_redirect");
    }

    @Test
    void the_alipay_url_asks_for_auth_base_with_the_channels_app_id() {
        String url = AuthorizeUrls.alipay("https://openauth.alipay.com/oauth2/publicAppAuthorize.htm",
                "2021000000000001", RETURN_URL, "s1");

        assertThat(url).isEqualTo("https://openauth.alipay.com/oauth2/publicAppAuthorize.htm?app_id=2021000000000001"
                + "&scope=auth_base&redirect_uri=https%3A%2F%2Fpay.example.com%2Fcashier%2Foauth%2Freturn&state=s1");
    }

    @Test
    void the_unionpay_url_carries_the_state_inside_the_redirect_url() {
        String url = AuthorizeUrls.unionpay("https://qr.95516.com/qrcGtwWeb-web/api/userAuth", RETURN_URL, "s1");

        assertThat(url).isEqualTo("https://qr.95516.com/qrcGtwWeb-web/api/userAuth?version=1.0.0&redirectUrl="
                + "https%3A%2F%2Fpay.example.com%2Fcashier%2Foauth%2Freturn%3Fstate%3Ds1");
    }

    @Test
    void a_return_url_with_a_query_keeps_it_and_gets_the_state_appended() {
        String url = AuthorizeUrls.unionpay("http://sim/_sim/oauth/unionpay/userAuth", RETURN_URL + "?store=S1", "s1");

        assertThat(url).endsWith("redirectUrl=https%3A%2F%2Fpay.example.com%2Fcashier%2Foauth%2Freturn"
                + "%3Fstore%3DS1%26state%3Ds1");
    }

    @Test
    void a_base_address_that_has_a_query_of_its_own_is_continued_not_restarted() {
        assertThat(AuthorizeUrls.alipay("http://sim/authorize?env=sandbox", "2021", RETURN_URL, "s"))
                .startsWith("http://sim/authorize?env=sandbox&app_id=2021&");
    }

    @Test
    void query_values_are_percent_encoded_with_spaces_as_percent_20_and_unreserved_characters_kept() {
        assertThat(AuthorizeUrls.encode("a b+c*~é")).isEqualTo("a%20b%2Bc%2A~%C3%A9");
    }
}
