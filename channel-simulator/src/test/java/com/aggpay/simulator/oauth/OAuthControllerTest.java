package com.aggpay.simulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

class OAuthControllerTest {

    private final OAuthCodes codes = new OAuthCodes();
    private final OAuthController oauth = new OAuthController(codes);

    @Test
    void wechat_snsapi_base_redirects_back_with_code_and_state_and_the_code_gives_a_stable_openid_once() {
        ResponseEntity<?> redirect = oauth.wxAuthorize("wx0000000000000001", "https://pay.example/cashier/wx?o=1",
                "snsapi_base", "st-1", "alice");
        assertThat(redirect.getStatusCode().value()).isEqualTo(302);
        Map<String, String> query = query(redirect.getHeaders().getLocation());
        assertThat(query).containsEntry("o", "1").containsEntry("state", "st-1").containsKey("code");

        Map<String, Object> token = oauth.wxAccessToken("wx0000000000000001", "secret", query.get("code"),
                "authorization_code");
        assertThat(token.get("openid")).isEqualTo(OAuthCodes.wxOpenid("wx0000000000000001", "alice"));
        assertThat((String) token.get("openid")).hasSize(28).startsWith("o");
        assertThat(oauth.wxAccessToken("wx0000000000000001", "secret", query.get("code"), "authorization_code"))
                .containsEntry("errcode", 40029);
    }

    @Test
    void alipay_auth_base_redirects_back_with_an_auth_code_for_that_app_only() {
        ResponseEntity<?> redirect = oauth.aliAuthorize("2021000000000001", "https://pay.example/cashier/ali",
                "auth_base", "st-2", "bob", "0");
        Map<String, String> query = query(redirect.getHeaders().getLocation());
        assertThat(query).containsEntry("app_id", "2021000000000001").containsEntry("scope", "auth_base")
                .containsEntry("state", "st-2").containsKey("auth_code");
        assertThat(codes.redeem("2021000000000002", query.get("auth_code"))).isEmpty();
    }

    @Test
    void with_sim_openid_the_alipay_code_stands_for_an_openid_payer_like_apps_created_since_2023() {
        ResponseEntity<?> redirect = oauth.aliAuthorize("2021000000000001", "https://pay.example/cashier/ali",
                "auth_base", "st-3", "carol", "1");
        String code = query(redirect.getHeaders().getLocation()).get("auth_code");

        assertThat(codes.redeemGrant("2021000000000001", code)).contains(new OAuthCodes.Grant("carol", true));
        assertThat(codes.redeemGrant("2021000000000001", code)).isEmpty();
        String openId = OAuthCodes.aliOpenId("2021000000000001", "carol");
        assertThat(openId).hasSize(46).startsWith("0").isNotEqualTo(OAuthCodes.aliOpenId("2021000000000002", "carol"));
        String plain = query(oauth.aliAuthorize("2021000000000001", "https://pay.example/cashier/ali", "auth_base",
                null, "carol", "0").getHeaders().getLocation()).get("auth_code");
        assertThat(codes.redeemGrant("2021000000000001", plain)).contains(new OAuthCodes.Grant("carol", false));
    }

    @Test
    void alipay_user_ids_look_like_buyer_ids() {
        assertThat(OAuthCodes.aliUserId("2021000000000001", "bob")).hasSize(16).startsWith("2088").containsOnlyDigits();
    }

    @Test
    void a_redirect_uri_that_is_not_absolute_http_is_refused() {
        assertThat(oauth.wxAuthorize("wx1", "javascript:alert(1)", "snsapi_base", null, "p").getStatusCode().value())
                .isEqualTo(400);
    }

    private static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap();
    }
}
