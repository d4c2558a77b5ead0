package com.aggpay.simulator.oauth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Local stand-ins for the wallets' web OAuth, so the cashier can learn a payer's openid / buyer_id (API.md,
 * {@code GET /_sim/oauth/...}). They grant at once, as if the payer were logged in; {@code sim_payer} picks which
 * simulated payer (ids are stable per app and payer; default {@code payer}).
 * <ul>
 * <li>{@code GET /_sim/oauth/wx/authorize?appid&redirect_uri&response_type=code&scope=snsapi_base&state[&sim_payer]}
 *     (stands for {@code open.weixin.qq.com/connect/oauth2/authorize}) → 302 to {@code redirect_uri?code=…&state=…}</li>
 * <li>{@code GET /_sim/oauth/wx/access_token?appid&secret&code&grant_type=authorization_code}
 *     (stands for {@code api.weixin.qq.com/sns/oauth2/access_token}) → {@code {"access_token",…,"openid","scope"}}
 *     or {@code {"errcode":40029,"errmsg":"invalid code"}}</li>
 * <li>{@code GET /_sim/oauth/alipay/authorize?app_id&scope=auth_base&redirect_uri&state[&sim_payer][&sim_openid=1]}
 *     (stands for {@code openauth.alipay.com/oauth2/publicAppAuthorize.htm}) → 302 to
 *     {@code redirect_uri?app_id=…&source=alipay_wallet&scope=auth_base&auth_code=…&state=…}; the platform then
 *     calls {@code alipay.system.oauth.token} on {@code /gateway.do}, which answers {@code user_id} (the buyer_id),
 *     or with {@code sim_openid=1} only {@code open_id}, as for Alipay apps created since 2023.</li>
 * <li>UnionPay (云闪付): {@code GET /_sim/oauth/unionpay/userAuth} and {@code POST /_sim/oauth/unionpay/backTransReq.do},
 *     see {@link UpUserAuthController}.</li>
 * </ul>
 */
@RestController
public class OAuthController {

    private final OAuthCodes codes;

    public OAuthController(OAuthCodes codes) {
        this.codes = codes;
    }

    @GetMapping("/_sim/oauth/wx/authorize")
    public ResponseEntity<Map<String, Object>> wxAuthorize(@RequestParam String appid,
            @RequestParam("redirect_uri") String redirectUri, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String state,
            @RequestParam(name = "sim_payer", defaultValue = "payer") String payer) {
        if (!absoluteHttp(redirectUri) || !("snsapi_base".equals(scope) || "snsapi_userinfo".equals(scope))) {
            return ResponseEntity.badRequest().body(Map.of("errcode", 10003, "errmsg", "redirect_uri or scope invalid"));
        }
        URI target = UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", codes.issue(appid, payer))
                .queryParamIfPresent("state", java.util.Optional.ofNullable(state)).encode().build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
    }

    @GetMapping("/_sim/oauth/wx/access_token")
    public Map<String, Object> wxAccessToken(@RequestParam String appid, @RequestParam(required = false) String secret,
                                             @RequestParam(required = false) String code,
                                             @RequestParam(name = "grant_type", required = false) String grantType) {
        if (secret == null || secret.isBlank() || !"authorization_code".equals(grantType)) {
            return Map.of("errcode", 40013, "errmsg", "invalid appid, secret or grant_type");
        }
        return codes.redeem(appid, code).<Map<String, Object>>map(payer -> {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("access_token", "SIM_" + OAuthCodes.stableId("", 40, appid, payer + code, false));
            token.put("expires_in", 7200);
            token.put("refresh_token", "SIM_R_" + OAuthCodes.stableId("", 40, appid, code, false));
            token.put("openid", OAuthCodes.wxOpenid(appid, payer));
            token.put("scope", "snsapi_base");
            return token;
        }).orElseGet(() -> Map.of("errcode", 40029, "errmsg", "invalid code"));
    }

    @GetMapping("/_sim/oauth/alipay/authorize")
    public ResponseEntity<Map<String, Object>> aliAuthorize(@RequestParam("app_id") String appId,
            @RequestParam("redirect_uri") String redirectUri, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String state,
            @RequestParam(name = "sim_payer", defaultValue = "payer") String payer,
            @RequestParam(name = "sim_openid", defaultValue = "0") String openId) {
        if (!absoluteHttp(redirectUri) || !("auth_base".equals(scope) || "auth_user".equals(scope))) {
            return ResponseEntity.badRequest().body(Map.of("error", "redirect_uri or scope invalid"));
        }
        URI target = UriComponentsBuilder.fromUriString(redirectUri).queryParam("app_id", appId)
                .queryParam("source", "alipay_wallet").queryParam("scope", scope)
                .queryParam("auth_code",
                        "1".equals(openId) ? codes.issueForOpenId(appId, payer) : codes.issue(appId, payer))
                .queryParamIfPresent("state", java.util.Optional.ofNullable(state)).encode().build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
    }

    private static boolean absoluteHttp(String uri) {
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://"));
    }
}
