package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelInstance;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import java.time.Duration;

/** One channel's SDK client and the Alipay public key its notifications are verified with. */
record AliClients(AlipayClient client, String alipayPublicKey) {

    static AliClients build(ChannelInstance channel, Duration connectTimeout, Duration readTimeout) {
        AliCredentials credentials = AliCredentials.of(channel);
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(stripSlash(channel.apiBaseUrl()) + "/gateway.do");
        config.setAppId(channel.accountId());
        config.setPrivateKey(credentials.appPrivateKey());
        config.setAlipayPublicKey(credentials.alipayPublicKey());
        config.setFormat("json");
        config.setCharset("utf-8");
        config.setSignType("RSA2");
        config.setConnectTimeout((int) connectTimeout.toMillis());
        config.setReadTimeout((int) readTimeout.toMillis());
        try {
            return new AliClients(new DefaultAlipayClient(config), credentials.alipayPublicKey());
        } catch (AlipayApiException e) {
            throw new IllegalStateException("Alipay client for channel " + channel.name() + " not buildable", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "AliClients[<hidden>]";
    }
}
