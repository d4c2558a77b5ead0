package com.aggpay.router.payerauth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the wallets' silent authorisations live. Defaults are the wallets' production addresses; local mode points
 * them at the simulator's stand-ins (application-local.yml).
 *
 * @param connectTimeout for the exchanges this service makes itself (WeChat's token call)
 * @param readTimeout    a payer is waiting on a redirect: a few seconds, like a trade call
 */
@Validated
@ConfigurationProperties("aggpay.payer-auth")
public record PayerAuthProperties(@Valid @DefaultValue Wechat wechat, @Valid @DefaultValue Alipay alipay,
                                  @Valid @DefaultValue Unionpay unionpay,
                                  @NotNull @DefaultValue("1s") Duration connectTimeout,
                                  @NotNull @DefaultValue("3s") Duration readTimeout) {

    static final String HTTP_URL = "https?://[^\\s?#]+(\\?[^\\s#]*)?";

    /**
     * @param authorizeUrl WeChat's web authorisation (snsapi_base)
     * @param tokenUrl     where a code becomes an access token and the openid
     */
    public record Wechat(
            @Pattern(regexp = HTTP_URL) @DefaultValue("https://open.weixin.qq.com/connect/oauth2/authorize")
            String authorizeUrl,
            @Pattern(regexp = HTTP_URL) @DefaultValue("https://api.weixin.qq.com/sns/oauth2/access_token")
            String tokenUrl) {
    }

    /** @param authorizeUrl Alipay's public-app authorisation (auth_base); the code goes to the channel's gateway */
    public record Alipay(
            @Pattern(regexp = HTTP_URL) @DefaultValue("https://openauth.alipay.com/oauth2/publicAppAuthorize.htm")
            String authorizeUrl) {
    }

    /**
     * @param authorizeUrl 云闪付's user authorisation
     * @param backUrl      where the userAuthCode is exchanged; unset: each channel's own backTransReq.do
     */
    public record Unionpay(
            @Pattern(regexp = HTTP_URL) @DefaultValue("https://qr.95516.com/qrcGtwWeb-web/api/userAuth")
            String authorizeUrl,
            @Pattern(regexp = HTTP_URL) String backUrl) {
    }
}
