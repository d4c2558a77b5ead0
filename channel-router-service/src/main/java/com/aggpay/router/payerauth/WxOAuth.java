package com.aggpay.router.payerauth;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.PayerAuthOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's web authorisation, second step: the code → the payer's openid for the channel's official account
 * ({@code sns/oauth2/access_token} with the account's AppSecret). This is the official account's API, not WeChat
 * Pay's, and the same for v2 and v3 channels, so it lives here rather than in either adapter. The request URL carries
 * the AppSecret: it is never logged.
 */
@Component
class WxOAuth {

    private final HttpClient http;
    private final PayerAuthProperties properties;
    private final JsonMapper json;

    WxOAuth(PayerAuthProperties properties, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.properties = properties;
        this.json = json;
    }

    PayerAuthOutcome exchange(ChannelInstance channel, String code) {
        String appId = channel.credentials().get("appid");
        String secret = channel.credentials().get(Wallet.WX_APP_SECRET);
        if (appId == null || appId.isBlank() || secret == null || secret.isBlank()) {
            return new PayerAuthOutcome.Unavailable("CONFIG_ERROR", "channel lacks appid or " + Wallet.WX_APP_SECRET);
        }
        String base = properties.wechat().tokenUrl();
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + "appid=" + AuthorizeUrls.encode(appId)
                + "&secret=" + AuthorizeUrls.encode(secret) + "&code=" + AuthorizeUrls.encode(code)
                + "&grant_type=authorization_code");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(properties.readTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new PayerAuthOutcome.Unavailable("NO_ANSWER", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PayerAuthOutcome.Unavailable("INTERRUPTED", "interrupted while waiting for WeChat");
        }
        if (response.statusCode() != 200) {
            return new PayerAuthOutcome.Unavailable("HTTP_" + response.statusCode(), "WeChat answered HTTP "
                    + response.statusCode());
        }
        try {
            return outcome(json.readTree(response.body()), appId);
        } catch (JacksonException e) {
            return new PayerAuthOutcome.Unavailable("MALFORMED_RESPONSE", "answer is not JSON");
        }
    }

    /**
     * WeChat answers HTTP 200 either way: an {@code errcode} (-1: busy, try again; anything else refuses the code or
     * the app) or the token with the openid.
     */
    static PayerAuthOutcome outcome(JsonNode answer, String appId) {
        if (answer == null || !answer.isObject()) {
            return new PayerAuthOutcome.Unavailable("MALFORMED_RESPONSE", "answer is not a JSON object");
        }
        JsonNode errcode = answer.path("errcode");
        if (!errcode.isMissingNode() && !errcode.isNull() && errcode.asInt(-1) != 0) {
            String message = answer.path("errmsg").asString("");
            return errcode.asInt(0) == -1 ? new PayerAuthOutcome.Unavailable("-1", message)
                    : new PayerAuthOutcome.Refused(errcode.asString(""), message);
        }
        String openid = answer.path("openid").asString("");
        return openid.isBlank() ? new PayerAuthOutcome.Unavailable("MALFORMED_RESPONSE", "answer lacks openid")
                : new PayerAuthOutcome.Identified(openid, PayerAuthOutcome.IdKind.OPENID, appId);
    }
}
