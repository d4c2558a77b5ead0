package com.aggpay.router.channel;

import java.util.Map;
import java.util.Set;

/**
 * One upstream account the platform uses (e.g. {@code wxpay-a} = WeChat Pay v3 mchid 1900000001): data, not code.
 *
 * @param name         platform channel name, also the last segment of the callback path
 * @param accountId    the upstream account: WeChat mchid, Alipay app_id, UnionPay merId
 * @param apiBaseUrl   where the upstream API is (the real host in production, the simulator locally)
 * @param notifyUrl    the public callback URL the channel must call for payment results
 * @param credentials  decrypted secrets by name (see each adapter's {@code Credentials}); never logged
 */
public record ChannelInstance(
        String name,
        ChannelType type,
        String accountId,
        Set<PayWay> payWays,
        boolean enabled,
        String apiBaseUrl,
        String notifyUrl,
        Map<String, String> credentials) {

    public String credential(String key) {
        String value = credentials.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("channel " + name + " lacks credential '" + key + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ChannelInstance[name=" + name + ", type=" + type + ", accountId=" + accountId + ", payWays=" + payWays
                + ", enabled=" + enabled + ", apiBaseUrl=" + apiBaseUrl + ", credentials=<" + credentials.size() + " hidden>]";
    }
}
