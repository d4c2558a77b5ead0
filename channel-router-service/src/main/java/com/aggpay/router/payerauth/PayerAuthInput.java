package com.aggpay.router.payerauth;

import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Checks of the two payer-authorisation requests; each failure is a 400 PARAM_INVALID naming the field. The values
 * end up in URLs the payer's browser follows, so they are held to narrow shapes.
 */
final class PayerAuthInput {

    /** RFC 3986 unreserved characters: safe in any query without changing under decoding. */
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");
    private static final Pattern MCH_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Printable ASCII without spaces: the wallets' codes are letters and digits, UnionPay's Base64 ({@code +/=}). */
    private static final Pattern CODE = Pattern.compile("[\\x21-\\x7E]{1,512}");
    private static final int MAX_URL_CHARS = 1024;
    private static final int MAX_USER_AGENT_CHARS = 1024;

    private PayerAuthInput() {
    }

    static AuthorizeRequest checked(AuthorizeRequest r) {
        require("mch_no", r.mchNo(), MCH_NO);
        wallet(r.wallet());
        returnUrl(r.returnUrl());
        require("state", r.state(), STATE);
        return r;
    }

    static ExchangeRequest checked(ExchangeRequest r) {
        require("channel", r.channel(), CHANNEL);
        wallet(r.wallet());
        require("code", r.code(), CODE);
        if (r.userAgent() != null && r.userAgent().length() > MAX_USER_AGENT_CHARS) {
            throw invalid("user_agent", "is at most " + MAX_USER_AGENT_CHARS + " characters");
        }
        return r;
    }

    static Wallet wallet(String name) {
        Wallet wallet = Wallet.parse(name);
        if (wallet == null) {
            throw invalid("wallet", "must be WECHAT, ALIPAY or UNIONPAY");
        }
        return wallet;
    }

    /** An absolute http(s) URL with a host and no user info or fragment: the wallets append their query to it. */
    static void returnUrl(String url) {
        if (url != null && url.length() <= MAX_URL_CHARS) {
            try {
                URI uri = new URI(url);
                boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
                if (http && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
                    return;
                }
            } catch (URISyntaxException e) {
                // the same answer as any other unusable URL
            }
        }
        throw invalid("return_url", "must be an absolute http(s) URL without user info or fragment, at most "
                + MAX_URL_CHARS + " characters");
    }

    private static void require(String param, String value, Pattern shape) {
        if (value == null || !shape.matcher(value).matches()) {
            throw invalid(param, "has an invalid value");
        }
    }

    private static ApiException invalid(String param, String detail) {
        return new ApiException(ErrorCode.PARAM_INVALID, param, param + " " + detail + ".");
    }
}
