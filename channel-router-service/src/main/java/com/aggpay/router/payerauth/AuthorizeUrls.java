package com.aggpay.router.payerauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The silent authorisation page of each wallet, for one app: the payer is sent there and comes back to
 * {@code returnUrl} with a one-time code and our {@code state}. Pure: addresses and app ids go in, the URL comes out.
 */
final class AuthorizeUrls {

    private AuthorizeUrls() {
    }

    /**
     * WeChat snsapi_base: the parameters in the order WeChat documents (it is known to refuse others), then the
     * {@code #wechat_redirect} fragment it requires.
     */
    static String wechat(String base, String appId, String returnUrl, String state) {
        return base + separator(base) + "appid=" + encode(appId) + "&redirect_uri=" + encode(returnUrl)
                + "&response_type=code&scope=snsapi_base&state=" + encode(state) + "#wechat_redirect";
    }

    /** Alipay auth_base through the public-app authorisation page. */
    static String alipay(String base, String appId, String returnUrl, String state) {
        return base + separator(base) + "app_id=" + encode(appId) + "&scope=auth_base&redirect_uri="
                + encode(returnUrl) + "&state=" + encode(state);
    }

    /**
     * 云闪付 userAuth takes neither app nor state: the state rides in the redirectUrl's own query, which UnionPay keeps
     * as it is and to which it adds userAuthCode and respCode.
     */
    static String unionpay(String base, String returnUrl, String state) {
        String redirectUrl = returnUrl + separator(returnUrl) + "state=" + encode(state);
        return base + separator(base) + "version=1.0.0&redirectUrl=" + encode(redirectUrl);
    }

    /** Percent-encoding of a query value: everything but RFC 3986's unreserved characters, a space as %20. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String separator(String url) {
        if (!url.contains("?")) {
            return "?";
        }
        return url.endsWith("?") || url.endsWith("&") ? "" : "&";
    }
}
